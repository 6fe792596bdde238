package dev.atrium.sdk;

/**
 * The kind of value an input takes; it decides validation and the form control a generated page shows.
 *
 * @since 0.1
 */
public enum InputType {
    /** A single line of text. */
    TEXT,
    /** Multi-line text such as a transcript or notes. */
    LONG_TEXT,
    /** A number, optionally bounded by {@link InputSpec#min()} and {@link InputSpec#max()}. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link InputSpec#options()}. */
    CHOICE,
    /** One uploaded file. */
    FILE,
    /** Several uploaded files, at most {@link InputSpec#maxFiles()}. */
    FILES;

    /** Whether values of this type arrive as uploaded files rather than JSON values. */
    public boolean isFile() {
        return this == FILE || this == FILES;
    }
}
