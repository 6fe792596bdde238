package dev.atrium.documents.internal;

/**
 * Guesses a CSV file's delimiter among comma, semicolon (Excel in many European locales), tab and pipe: the one
 * that splits the first lines into the same number of fields most often, more fields breaking ties.
 */
final class DelimiterDetector {

    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SAMPLE_LINES = 20;

    private DelimiterDetector() {
    }

    static char detect(String text) {
        String[] lines = sample(text);
        char best = ',';
        long bestScore = 0;
        for (char candidate : CANDIDATES) {
            int[] counts = new int[lines.length];
            for (int i = 0; i < lines.length; i++) {
                counts[i] = countOutsideQuotes(lines[i], candidate);
            }
            int mode = mode(counts);
            if (mode == 0) {
                continue;
            }
            int agreeing = 0;
            for (int count : counts) {
                if (count == mode) {
                    agreeing++;
                }
            }
            // Consistency first, then the number of columns.
            long score = (long) agreeing * 1000 + Math.min(mode, 999);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static String[] sample(String text) {
        return text.lines().filter(line -> !line.isBlank()).limit(SAMPLE_LINES).toArray(String[]::new);
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static int mode(int[] counts) {
        int best = 0;
        int bestFrequency = 0;
        for (int candidate : counts) {
            int frequency = 0;
            for (int count : counts) {
                if (count == candidate) {
                    frequency++;
                }
            }
            if (frequency > bestFrequency || frequency == bestFrequency && candidate > best) {
                best = candidate;
                bestFrequency = frequency;
            }
        }
        return best;
    }
}
