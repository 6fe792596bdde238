package dev.atrium.plugins.office;

/**
 * One speaker turn of a meeting: who spoke (may be empty), what was said, and — for subtitles and
 * recordings — when, in seconds from the start (negative when unknown).
 */
record Turn(String speaker, String text, double startSeconds, double endSeconds) {

    Turn {
        speaker = speaker == null ? "" : speaker.strip();
        text = text == null ? "" : text.strip();
    }

    static Turn untimed(String speaker, String text) {
        return new Turn(speaker, text, -1, -1);
    }

    boolean timed() {
        return startSeconds >= 0 && endSeconds >= 0;
    }

    /** The turn as a quote: {@code Speaker: text}, or the text alone when nobody is named. */
    String quote() {
        return speaker.isEmpty() ? text : speaker + ": " + text;
    }
}
