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
 * name ("Carol" of "Carol Smith"), a role ("professor" of "Professor C") or a single letter ("C"), which
 * counts only as a capital. And the mention must stand as the one who spoke, since roles are words of the
 * meeting too ("Was the user interface discussed?" names nobody labelled {@code User Interface}): it is
 * followed by "'s" or by a verb of saying ("What did Marketing think", "Carol suggested"), or follows
 * "according to" or "by". Chinese names, which are no such words, count wherever they appear.
 */
final class AskedSpeakers {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words of a label too common to name anyone on their own. */
    private static final Set<String> TOO_COMMON = Set.of("the", "and", "of", "mr", "mrs", "ms", "dr", "speaker");
    /** Verbs of saying and of holding a view, by stem; a noun such as "presentation" or "suggestion" is none. */
    private static final String SAYING = "(?:think|thinks|thinking|thought|say|says|saying|said|tell|tells|told"
            + "|speak|speaks|spoke|talk|talks|talked|feel|feels|felt|worr(?:y|ies|ied)"
            + "|(?:suggest|want|explain|mention|recommend|ask|prefer|insist|claim|respond|react|expect|discuss"
            + "|consider|favou?r|stress)(?:s|ed|ing)?"
            + "|(?:propos|argu|believ|contribut|present|agre|disagre|describ|decid|conclud|emphasi[sz]|rais|oppos"
            + "|summari[sz])(?:e|es|ed|ing)?)";
    /** Verbs that are nouns too ("the interface approach"): they follow a speaker only after "did", "would" …. */
    private static final String DOING = "(?:approach|handle)";
    /** After the mention: a verb of saying, perhaps after another named one ("Anna and Bob think"). */
    private static final Pattern SPEAKER_AFTER = Pattern.compile(
            "^(?:\\s+(?:and\\s+(?:the\\s+)?[\\p{L}\\p{N}]+(?:\\s+[\\p{L}\\p{N}]+)?\\s+)?" + SAYING + "\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "did (the) …" before the mention and a verb that may be a noun after it: "How did PhD B approach …". */
    private static final Pattern AUXILIARY = Pattern.compile(
            "\\b(?:did|does|do|would|will|could|should|can)\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOING_AFTER = Pattern.compile("^\\s+" + DOING + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE = Pattern.compile("^['’]s\\b");
    /** Before the mention: the one who spoke is introduced. */
    private static final Pattern SPEAKER_BEFORE = Pattern.compile("\\b(?:according\\s+to|by)\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** Before the mention: it is what was spoken of ("Was the user interface discussed?"). */
    private static final Pattern SPOKEN_OF = Pattern.compile(
            "\\b(?:is|are|was|were|be|been|being)\\s+(?:the\\s+)?(?:[\\p{L}\\p{N}]+\\s+){0,2}$",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param speakers the labels named, as they appear in the transcript
     * @param mentions the question's words that named them, to leave out of keyword matching
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
            for (String word : new LinkedHashSet<>(words(label.toLowerCase(Locale.ROOT)))) {
                labelsWithWord.merge(word, 1, Integer::sum);
            }
        }
        Set<String> speakers = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        for (String label : labels) {
            if (mentioned(question, label)) {
                speakers.add(label);
                mentions.add(label);
                continue;
            }
            List<String> labelWords = words(label);
            if (labelWords.size() < 2) {
                continue;
            }
            for (String word : labelWords) {
                String key = word.toLowerCase(Locale.ROOT);
                if (labelsWithWord.get(key) == 1 && !TOO_COMMON.contains(key) && mentioned(question, word)) {
                    speakers.add(label);
                    mentions.add(word);
                }
            }
        }
        return speakers.isEmpty() ? Asked.NONE : new Asked(Set.copyOf(speakers), Set.copyOf(mentions));
    }

    /** Whether the question names {@code name} (a label or a word of one) as someone who spoke. */
    private static boolean mentioned(String question, String name) {
        boolean chinese = han(name.charAt(0));
        boolean letter = name.codePointCount(0, name.length()) == 1;
        for (int at = 0; at + name.length() <= question.length(); at++) {
            // "C" names Professor C; a lower-case "a" is an article.
            boolean same = letter ? question.startsWith(name.toUpperCase(Locale.ROOT), at)
                    : question.regionMatches(true, at, name, 0, name.length());
            if (!same) {
                continue;
            }
            int end = at + name.length();
            if (chinese) {
                // Chinese runs have no spaces: a Han name may touch the words around it.
                return true;
            }
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(question.charAt(at - 1));
            boolean endsWord = end == question.length() || !Character.isLetterOrDigit(question.charAt(end));
            if (startsWord && endsWord && asSpeaker(question, at, end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words at {@code start..end} of the question stand as someone who spoke. */
    private static boolean asSpeaker(String question, int start, int end) {
        String before = question.substring(0, start);
        if (SPEAKER_BEFORE.matcher(before).find()) {
            return true;
        }
        String after = question.substring(end);
        if (POSSESSIVE.matcher(after).find()) {
            return true;
        }
        if (SPOKEN_OF.matcher(before).find()) {
            return false;
        }
        return SPEAKER_AFTER.matcher(after).find()
                || AUXILIARY.matcher(before).find() && DOING_AFTER.matcher(after).find();
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
