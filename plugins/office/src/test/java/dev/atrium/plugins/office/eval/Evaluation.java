package dev.atrium.plugins.office.eval;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One evaluation of an office skill over a data set in the shared data folder. {@code ./atrium eval office}
 * runs every evaluation listed in {@link OfficeEval#EVALUATIONS}; add a new one there.
 */
interface Evaluation {

    /** Short name, as the command line selects it: {@code ./atrium eval office receipts}. */
    String name();

    /** The data set's folder under the data root, such as {@code receipts-sroie}. */
    String dataset();

    /**
     * Runs the skill over the data set and prints its figures.
     *
     * @param data the data set's folder (it exists)
     * @param limit at most this many samples, or 0 for all
     */
    void run(Path data, int limit, PrintStream out) throws Exception;
}
