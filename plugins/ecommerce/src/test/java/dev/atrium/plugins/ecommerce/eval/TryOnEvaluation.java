package dev.atrium.plugins.ecommerce.eval;

import java.io.PrintStream;
import java.nio.file.Path;

/** Placeholder until the try-on skill exists. */
final class TryOnEvaluation {

    private TryOnEvaluation() {
    }

    static void run(Path folder, int limit, PrintStream out) {
        out.println("skipped: try-on evaluation not written yet");
    }
}
