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
    private static final Pattern PREVIOUS_WORD = Pattern.compile("([\\p{L}\\p{N}]+)\\W*$");
    /** Words of a label too common to name anyone on their own. */
    private static final Set<String> TOO_COMMON = Set.of("the", "and", "of", "mr", "mrs", "ms", "dr", "speaker");
    /** Verbs of saying and of holding a view, by stem; a noun such as "presentation" or "suggestion" is none. */
    private static final String SAYING = "(?:think|thinks|thinking|thought|say|says|saying|said|tell|tells|told"
            + "|speak|speaks|spoke|worr(?:y|ies|ied)"
            + "|(?:suggest|want|explain|mention|recommend|ask|prefer|insist|claim|respond|react|expect|consider"
            + "|favou?r|present)(?:s|ed|ing)?|(?:discuss|stress)(?:es|ed|ing)?|(?:agre|disagre)(?:e|es|ed|eing)"
            + "|(?:propos|argu|believ|contribut|describ|decid|conclud|emphasi[sz]|rais|oppos|summari[sz])(?:e|es|ed|ing))";
    private static final Pattern SAYING_WORD = Pattern.compile(
            SAYING + "|approach|feel|talk|view|opinion|position|stance|idea|thought|thinking|input|say|response|reaction"
                    + "|contribution|suggestion|proposal|comment|remark|feedback", Pattern.CASE_INSENSITIVE);
    /** Verbs that are nouns or adjectives too ("the interface approach", "Does the UI feel …"): after "did" … only. */
    private static final String DOING = "(?:approach|approaches|handle|handles|talk|talks|talked"
            + "|feel(?=\\s*(?:\\?|$|about|regarding|towards|when)))";
    /** After the mention: a verb of saying. */
    private static final Pattern SPEAKER_AFTER = Pattern.compile("^\\s+" + SAYING + "\\b", Pattern.CASE_INSENSITIVE);
    /** After the mention: "and" another speaker's label words, then a verb of saying ("Anna and Bob think"). */
    private static final Pattern AND_ANOTHER = Pattern.compile("^\\s+and\\s+(?:the\\s+)?(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Words that may stand right before a word of a label when it names the speaker ("did the professor"). */
    private static final Set<String> BEFORE_A_NAME = Set.of("the", "did", "does", "do", "would", "will", "could",
            "should", "can", "and", "to", "by", "was", "were", "is", "are", "has", "had", "what", "how", "why", "when");
    /** "did (the) …" before the mention and a verb that may be a noun after it: "How did PhD B approach …". */
    private static final Pattern AUXILIARY = Pattern.compile(
            "\\b(?:did|does|do|would|will|could|should|can)\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOING_AFTER = Pattern.compile("^\\s+" + DOING + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE = Pattern.compile("^['’]s\\b");
    /** Before the mention: the one who spoke is introduced. */
    private static final Pattern SPEAKER_BEFORE = Pattern.compile("\\b(?:according\\s+to|by)\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * Before the mention: it is what was spoken of ("Was the user interface discussed?"); the words between
     * stop at a new clause ("What was it that Marketing suggested?").
     */
    private static final Pattern SPOKEN_OF = Pattern.compile(
            "\\b(?:is|are|was|were|be|been|being)\\s+(?:the\\s+)?"
                    + "(?:(?!(?:that|after|when|before|it|if|who|which|while)\\b)[\\p{L}\\p{N}]+\\s+){0,2}$",
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
        Set<String> labelWords = labelsWithWord.keySet();
        boolean chineseQuestion = question.codePoints().anyMatch(AskedSpeakers::han);
        for (String label : labels) {
            if (mentioned(question, chineseQuestion, label, false, labelWords)) {
                speakers.add(label);
                mentions.add(label);
                continue;
            }
            List<String> ownWords = words(label);
            if (ownWords.size() < 2) {
                continue;
            }
            for (String word : ownWords) {
                String key = word.toLowerCase(Locale.ROOT);
                if (labelsWithWord.get(key) == 1 && !TOO_COMMON.contains(key)
                        && mentioned(question, chineseQuestion, word, true, labelWords)) {
                    speakers.add(label);
                    mentions.add(word);
                }
            }
        }
        return speakers.isEmpty() ? Asked.NONE : new Asked(Set.copyOf(speakers), Set.copyOf(mentions));
    }

    /**
     * Whether the question names {@code name} (a label, or a word of one when {@code partOfLabel}) as someone
     * who spoke. In a Chinese question the verbs are Chinese: a name standing apart from Latin letters counts.
     */
    private static boolean mentioned(String question, boolean chineseQuestion, String name, boolean partOfLabel,
                                     Set<String> labelWords) {
        boolean chinese = han(name.codePointAt(0));
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
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(question.charAt(at - 1))
                    || han(question.codePointBefore(at));
            boolean endsWord = end == question.length() || !Character.isLetterOrDigit(question.charAt(end))
                    || han(question.codePointAt(end));
            if (!startsWord || !endsWord) {
                continue;
            }
            if (chineseQuestion) {
                return true;
            }
            // "the user interface designer": "designer" there is no one's name, though "Industrial Designer" is.
            if (partOfLabel && !afterAllowedWord(question, at)) {
                continue;
            }
            // A capital "A" opening the question is an article unless it owns something ("A's plan").
            if (letter && at == 0 && !POSSESSIVE.matcher(question.substring(end)).find()) {
                continue;
            }
            if (asSpeaker(question, at, end, labelWords)) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterAllowedWord(String question, int at) {
        Matcher previous = PREVIOUS_WORD.matcher(question.substring(0, at));
        return !previous.find() || BEFORE_A_NAME.contains(previous.group(1).toLowerCase(Locale.ROOT));
    }

    /** Whether the words at {@code start..end} of the question stand as someone who spoke. */
    private static boolean asSpeaker(String question, int start, int end, Set<String> labelWords) {
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
        if (SPEAKER_AFTER.matcher(after).find() || AUXILIARY.matcher(before).find() && DOING_AFTER.matcher(after).find()) {
            return true;
        }
        Matcher another = AND_ANOTHER.matcher(after);
        if (!another.find()) {
            return false;
        }
        // "the project manager and Marketing think": one or two words of another label, then a verb of saying.
        String rest = another.group(1);
        Matcher word = WORD.matcher(rest);
        for (int n = 0; n < 2 && word.find() && labelWords.contains(word.group().toLowerCase(Locale.ROOT)); n++) {
            String tail = rest.substring(word.end());
            if (SPEAKER_AFTER.matcher(tail).find() || DOING_AFTER.matcher(tail).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a character is Chinese (Han). */
    static boolean han(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Whether a keyword of a question is a verb or noun of saying ("suggest", "view"), not its subject. */
    static boolean sayingWord(String word) {
        return SAYING_WORD.matcher(word).matches();
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
