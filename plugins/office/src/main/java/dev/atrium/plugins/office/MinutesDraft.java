package dev.atrium.plugins.office;

import java.util.List;

/**
 * What a model is asked to return for one chunk of a transcript. Turn numbers refer to the numbered
 * {@code [n] Speaker: words} lines it was given, so every item can be traced back to what was said.
 *
 * @param summary       two to four sentences on the chunk
 * @param topics        the subjects discussed, in order
 * @param decisions     what was decided
 * @param actionItems   who does what, by when
 * @param openQuestions questions left unanswered
 */
public record MinutesDraft(String summary, List<Topic> topics, List<Decision> decisions,
                           List<ActionItem> actionItems, List<OpenQuestion> openQuestions) {

    /** A subject, with the first and last turn numbers where it was discussed. */
    public record Topic(String title, String summary, Integer firstTurn, Integer lastTurn) {
    }

    /** A decision, with the number of the turn that states or confirms it and its exact words. */
    public record Decision(String text, Integer turn, String quote) {
    }

    /** A task: what, the owner's name, the due date as said ("by Friday") or yyyy-MM-dd, and its source turn. */
    public record ActionItem(String what, String owner, String due, Integer turn, String quote) {
    }

    /** A question nobody settled, with its source turn. */
    public record OpenQuestion(String text, Integer turn) {
    }
}
