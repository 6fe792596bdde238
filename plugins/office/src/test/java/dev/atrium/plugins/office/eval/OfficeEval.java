package dev.atrium.plugins.office.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./atrium eval office [name] [--data DIR] [--limit N]}: runs the office plugin's evaluations through
 * the real skills (SkillHarness, embedded engine) and prints their figures. A data set that is not there is
 * skipped with a message, never failed.
 */
public final class OfficeEval {

    /** Every evaluation, in the order they run. Receipts (SROIE), then meetings (QMSum, ROUGE). */
    static final List<Evaluation> EVALUATIONS = List.of(new ReceiptsEvaluation(), new MeetingsEvaluation());

    private OfficeEval() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("atrium.data", "../shared/data"));
        String only = null;
        int limit = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> only = args[i];
            }
        }
        boolean any = false;
        for (Evaluation evaluation : EVALUATIONS) {
            if (only != null && !only.equals(evaluation.name())) {
                continue;
            }
            any = true;
            Path folder = data.resolve(evaluation.dataset());
            System.out.println("== office/" + evaluation.name() + " (" + folder + ")");
            if (!Files.isDirectory(folder)) {
                System.out.println("skipped: data folder " + folder.toAbsolutePath().normalize() + " is absent");
                continue;
            }
            evaluation.run(folder, limit, System.out);
        }
        if (!any) {
            System.out.println("no evaluation named '" + only + "'; known: "
                    + EVALUATIONS.stream().map(Evaluation::name).toList());
            System.exit(2);
        }
        // The embedded engine's pools keep threads alive.
        System.exit(0);
    }
}
