package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import java.util.Locale;

/**
 * How much the minutes say: the summary's length against the standard and how many sentences each topic gets,
 * offline; the lengths asked of the model, remotely.
 */
enum MinutesDetail {

    BRIEF(0.5, 1, "1-2 sentences"),
    STANDARD(1.0, 2, "2-4 sentences"),
    DETAILED(2.0, 3, "5-8 sentences, covering every topic");

    /** Multiplies the summary's word target. */
    final double summaryLength;
    /** Sentences of a topic's summary (one for a topic under 400 characters, unless brief). */
    final int topicSentences;
    /** The summary's length as told to a model. */
    final String sentences;

    MinutesDetail(double summaryLength, int topicSentences, String sentences) {
        this.summaryLength = summaryLength;
        this.topicSentences = topicSentences;
        this.sentences = sentences;
    }

    /** The level named by the input ({@code brief}, {@code standard}, {@code detailed}); standard when absent. */
    static MinutesDetail of(String value) {
        if (value == null || value.isBlank()) {
            return STANDARD;
        }
        for (MinutesDetail detail : values()) {
            if (detail.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return detail;
            }
        }
        throw new BadInputException("detail", "'" + value + "' is not a detail level: brief, standard or detailed");
    }

    /** The input's value for this level. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
