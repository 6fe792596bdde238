package dev.atrium.plugins.office;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speakers a question about a meeting names: "What did Carol think about the budget?", "What did C say?"
 * for a speaker labelled {@code Professor C}, "What did the project manager suggest?". Such a question asks for
 * that speaker's words, not for whoever said most about the subject.
 *
 * <p>A speaker is named by the whole label, or by one word of it that no other speaker's label shares: a
 * name ("Carol" of "Carol Smith"), a role ("professor" of "Professor C") or a single capital letter ("C").
 * A single letter counts only written as a capital. And the mention must stand as the one who spoke: after
 * "did", "does", "according to", "by" …, or before "'s" or a verb of saying ("Marketing thinks"). Roles are
 * words of the meeting too: "the presentations on user interface and market trends" names no speaker
 * labelled {@code User Interface}. Chinese names, which are no such words, count wherever they appear.
 */
final class AskedSpeakers {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words of a label too common to name anyone on their own. */
    private static final Set<String> TOO_COMMON = Set.of("the", "and", "of", "mr", "mrs", "ms", "dr", "speaker");
    /** A mention right after one of these (and an optional "the") is the one who spoke: "What did C think". */
    private static final Pattern SUBJECT_BEFORE = Pattern.compile(
            "\\b(?:did|does|do|would|could|should|will|was|were|has|had|by|from|according to)\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** A mention right before one of these is the one who spoke: "Marketing's view", "Carol thinks". */
    private static final Pattern SUBJECT_AFTER = Pattern.compile(
            "^(?:['’]s\\b|\\s+(?:and\\s+[\\p{L}\\p{N} ]{1,30}\\s+)?(?:think|thought|say|said|suggest|propos|want|feel|felt"
                    + "|explain|mention|believ|argu|contribut|present|recommend|ask|agree|disagree|prefer|report"
                    + "|describ|decid|object|insist|claim|point)\\w*)", Pattern.CASE_INSENSITIVE);

    /**
     * @param speakers the labels named, as they appear in the transcript
     * @param mentions the question's words that named them, lower case, to leave out of keyword matching
     */
    record Asked(Set<String> speakers, Set<String> mentions) {

        static final Asked NONE = new Asked(Set.of(), Set.of());

        boolean any() {
            return !speakers.isEmpty();
        }
    }

    private AskedSpeakers() {
    }

    static Asked in(String question, List<Turn> turns) {
        Set<String> labels = new LinkedHashSet<>();
        for (Turn turn : turns) {
            if (!turn.speaker().isEmpty()) {
                labels.add(turn.speaker());
            }
        }
        if (labels.size() < 2) {
            // With one speaker or none, naming someone narrows nothing.
            return Asked.NONE;
        }
        // How many labels each word appears in: a word shared by "Grad A" and "Grad B" names neither.
        Map<String, Integer> labelsWithWord = new HashMap<>();
        for (String label : labels) {
            for (String word : new LinkedHashSet<>(words(label))) {
                labelsWithWord.merge(word.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        String lower = question.toLowerCase(Locale.ROOT);
        List<int[]> questionWords = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            questionWords.add(new int[] {m.start(), m.end()});
        }
        Set<String> speakers = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        for (String label : labels) {
            String whole = label.toLowerCase(Locale.ROOT);
            if (containsPhrase(lower, whole, question)) {
                speakers.add(label);
                mentions.addAll(words(whole));
                continue;
            }
            for (String word : words(label)) {
                String key = word.toLowerCase(Locale.ROOT);
                if (labelsWithWord.get(key) != 1 || TOO_COMMON.contains(key)) {
                    continue;
                }
                if (namedBy(word, question, questionWords)) {
                    speakers.add(label);
                    mentions.add(key);
                }
            }
        }
        return speakers.isEmpty() ? Asked.NONE : new Asked(Set.copyOf(speakers), Set.copyOf(mentions));
    }

    private static boolean namedBy(String word, String question, List<int[]> questionWords) {
        boolean letter = word.codePointCount(0, word.length()) == 1;
        for (int[] at : questionWords) {
            String said = question.substring(at[0], at[1]);
            // "C" names Professor C; a lower-case "a" is an article.
            boolean same = letter ? said.equals(word.toUpperCase(Locale.ROOT)) && Character.isLetter(said.charAt(0))
                    : word.length() >= 2 && said.equalsIgnoreCase(word);
            if (same && asSpeaker(question, at[0], at[1])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words at {@code start..end} of the question stand as someone who spoke. */
    private static boolean asSpeaker(String question, int start, int end) {
        return SUBJECT_BEFORE.matcher(question.substring(0, start)).find()
                || SUBJECT_AFTER.matcher(question.substring(end)).find();
    }

    private static boolean containsPhrase(String text, String phrase, String question) {
        int from = 0;
        while (true) {
            int at = text.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            // Chinese runs have no spaces: a Han label may touch the words around it.
            boolean startsWord = at == 0 || han(phrase.charAt(0)) || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || han(phrase.charAt(phrase.length() - 1))
                    || !Character.isLetterOrDigit(text.charAt(end));
            boolean chinese = han(phrase.charAt(0));
            if (startsWord && endsWord && (chinese || asSpeaker(question, at, end))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
