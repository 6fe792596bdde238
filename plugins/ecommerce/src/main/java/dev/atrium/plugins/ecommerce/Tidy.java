package dev.atrium.plugins.ecommerce;

/** Cleans text after words were removed from it: doubled spaces and separators, separators at the ends. */
final class Tidy {

    private Tidy() {
    }

    static String clean(String text) {
        String t = text;
        String before;
        do {
            before = t;
            t = t.replaceAll("[ \\t]{2,}", " ")
                    .replaceAll(" +([,.;:)])", "$1")
                    .replaceAll("\\( *\\)", "")
                    .replaceAll("([,;:])\\s*(?=[,;.])", "")
                    .replaceAll("(?m)^[ \\t]*[,;:|/\\-–]+[ \\t]*", "")
                    .replaceAll("(?m)[ \\t]*[,;:|/\\-–]+[ \\t]*$", "")
                    .replaceAll("(?m)^[ \\t]+|[ \\t]+$", "")
                    .replaceAll("\\n{3,}", "\n\n")
                    .replaceAll("([，、；])\\s*(?=[，、；。])", "");
        } while (!t.equals(before));
        return t.strip();
    }
}
