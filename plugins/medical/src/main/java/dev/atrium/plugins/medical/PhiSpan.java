package dev.atrium.plugins.medical;

/**
 * A stretch of text that identifies a person.
 *
 * @param type what kind of identifier
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param text the identifier as written
 */
record PhiSpan(PhiType type, int start, int end, String text) {

    boolean overlaps(PhiSpan other) {
        return start < other.end && other.start < end;
    }
}
