package dev.atrium.plugins.medical;

/**
 * A sentence of the material a draft is made from, with the id statements cite.
 *
 * @param id {@code S1}, {@code S2}… in reading order
 * @param origin where it comes from: {@code source}, {@code findings}, {@code labs} or {@code prior:<file>}
 * @param speaker {@code doctor}, {@code patient}, another label, or empty for dictation and documents
 * @param text the sentence as written
 * @param start its first character in the origin's text, or -1 when it cannot be located
 * @param end its end in the origin's text, or -1
 */
record SourceSentence(String id, String origin, String speaker, String text, int start, int end) {

    boolean fromPatient() {
        return speaker.equals("patient");
    }

    boolean fromClinician() {
        return speaker.equals("doctor");
    }

    boolean question() {
        String t = text.strip();
        return t.endsWith("?") || t.endsWith("？") || t.endsWith("吗") || t.endsWith("吗。");
    }
}
