package dev.atrium.plugins.medical;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Negated and uncertain findings, in the spirit of NegEx: a cue ("no", "denies", "without", "negative for",
 * "cannot exclude", 无, 未见, 否认, 不除外…) opens a scope that runs to the end of its clause or to a
 * terminating word ("but", "however", 但). The check that matters is {@link #violations}: a finding the source
 * only ever mentions negated or uncertain must not be asserted as present in the draft.
 */
final class Negation {

    /** How a finding is stated. */
    enum Assertion { PRESENT, ABSENT, UNCERTAIN }

    /**
     * A draft statement that asserts what the source denies or doubts.
     *
     * @param term the finding
     * @param statement the draft's clause
     * @param source how the source states it
     */
    record Violation(String term, String statement, Assertion source) {
    }

    private static final Pattern NEGATION_EN = Pattern.compile("\\b(?:no|not|nor|denies|denied|deny|denying|without|"
            + "negative for|free of|absence of|absent|ruled out|rules out|rule out|no evidence of|no signs? of|never|"
            + "none|non|unremarkable for|(?:do|does|did|is|was|are|were|has|have|had|ca|could|would|wo)n't|nothing)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNCERTAIN_EN = Pattern.compile("\\b(?:possible|possibly|probable|probably|likely|"
            + "unlikely|may|might|could|cannot exclude|can ?not be excluded|cannot be ruled out|can't rule out|"
            + "cannot rule out|questionable|suspicious for|suspected|suggestive of|concern for|versus|vs\\.?|"
            + "differential|rule out|r/o|maybe|perhaps|either|whether|if)\\b", Pattern.CASE_INSENSITIVE);
    /** Post-position cues: the finding comes before them ("pneumothorax is absent", "CT was negative"). */
    private static final Pattern POST_NEGATION_EN = Pattern.compile(
            "\\b(?:is|was|are|were)\\s+(?:absent|negative|not (?:seen|present|identified)|ruled out|excluded)\\b"
                    + "|\\b(?:absent|negative|not seen)\\s*[.;,]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION_ZH = Pattern.compile("无|没有|没|未见|未闻及|未触及|未扪及|未引出|未诉|未|否认|不伴|不是|阴性|排除");
    private static final Pattern UNCERTAIN_ZH = Pattern.compile("不除外|不排除|可能|考虑|疑似|待排|待查|怀疑");
    private static final Pattern CLAUSE = Pattern.compile("[.;!?。；！？\\n]+|,\\s*(?=but|however|although|though|except)"
            + "|\\b(?:but|however|although|though|except|aside from|apart from|which|whereas)\\b|但是|但|然而|，(?=但)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_CLAUSE = Pattern.compile("[，,、]");
    private static final Set<String> STOP = new java.util.HashSet<>(List.of("the", "and", "any", "for", "with", "has", "have", "had", "his", "her",
            "their", "patient", "patients", "reports", "report", "reported", "states", "stated", "notes", "noted",
            "endorses", "complains", "this", "that", "there", "was", "were", "are", "is", "been", "being", "also",
            "today", "some", "other", "about", "from", "into", "over", "again", "since", "does", "did", "doing",
            "she", "he", "they", "them", "you", "your", "not", "denies", "denied", "without", "evidence", "signs",
            "sign", "negative", "positive", "history", "present", "seen", "noted", "well", "very", "much", "more",
            "had", "but", "any", "all", "yes", "okay", "feel", "feels", "feeling", "had", "get", "got", "can",
            "cannot", "exclude", "possible", "likely", "may", "might", "could", "what", "when", "how", "who", "which",
            "would", "will", "should", "one", "two", "just", "like", "know", "think", "really", "kind", "sort", "lot",
            "things", "thing", "been", "then", "than", "also", "still", "right", "left", "mild", "new", "recent",
            "times", "time", "day", "days", "week", "weeks", "month", "months", "year", "years", "normal", "none",
            "nothing", "per", "via", "due", "non", "ever", "never", "here", "where", "said", "says", "say"));

    private Negation() {
    }

    /** Findings of the text (words of three letters or more and their adjacent pairs; Han bigrams) by assertion. */
    static Findings findings(String text) {
        Findings f = new Findings();
        for (String clause : clauses(text)) {
            boolean question = clause.strip().endsWith("?") || clause.strip().endsWith("？");
            if (question) {
                continue;
            }
            if (hasHan(clause)) {
                for (String part : ZH_CLAUSE.split(clause)) {
                    zhClause(part, f);
                }
            } else {
                enClause(clause, f);
            }
        }
        return f;
    }

    /**
     * Clauses of the draft that assert as present a finding the source only denies or doubts.
     *
     * @param draft the draft's text (a statement or a whole section)
     * @param source every source text the draft was made from
     */
    static List<Violation> violations(String draft, String source) {
        Findings src = findings(source);
        List<Violation> out = new ArrayList<>();
        for (String clause : clauses(draft)) {
            Findings d = findings(clause);
            for (String term : d.present) {
                if (!src.present.contains(term) && (src.absent.contains(term) || src.uncertain.contains(term))) {
                    out.add(new Violation(term, clause.strip(),
                            src.absent.contains(term) ? Assertion.ABSENT : Assertion.UNCERTAIN));
                    break;
                }
            }
        }
        return out;
    }

    /** Whether the sentence holds a negation or uncertainty cue at all. */
    static boolean hasCue(String sentence) {
        return NEGATION_EN.matcher(sentence).find() || UNCERTAIN_EN.matcher(sentence).find()
                || hasHan(sentence) && (NEGATION_ZH.matcher(sentence).find() || UNCERTAIN_ZH.matcher(sentence).find());
    }

    /** Terms of a finding sorted by how the text asserts them. */
    static final class Findings {
        final Set<String> present = new LinkedHashSet<>();
        final Set<String> absent = new LinkedHashSet<>();
        final Set<String> uncertain = new LinkedHashSet<>();
    }

    private static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE.matcher(text);
        int at = 0;
        while (m.find()) {
            // Keep the question mark with its clause, so questions can be recognised.
            String piece = text.substring(at, m.start()) + (m.group().contains("?") || m.group().contains("？") ? "?" : "");
            out.add(piece);
            at = m.end();
        }
        out.add(text.substring(at));
        return out.stream().filter(c -> !c.isBlank()).toList();
    }

    private static void enClause(String clause, Findings f) {
        // "No, I have this leg swelling": a bare yes or no before a comma answers a question; it opens no scope.
        String lower = clause.toLowerCase(Locale.ROOT).replaceFirst("^\\s*(?:no|nope|nah|yes|yeah|yep)\\s*,\\s*", "");
        Matcher neg = NEGATION_EN.matcher(lower);
        Matcher unc = UNCERTAIN_EN.matcher(lower);
        int negAt = neg.find() ? neg.start() : Integer.MAX_VALUE;
        int uncAt = unc.find() ? unc.start() : Integer.MAX_VALUE;
        Matcher post = POST_NEGATION_EN.matcher(lower);
        if (post.find() && negAt >= post.start()) {
            // "the CT was negative": everything before the cue is negated.
            add(terms(lower.substring(0, post.start())), f.absent);
            add(terms(lower.substring(post.end())), f.present);
            return;
        }
        int cue = Math.min(negAt, uncAt);
        if (cue == Integer.MAX_VALUE) {
            add(terms(lower), f.present);
            return;
        }
        add(terms(lower.substring(0, cue)), f.present);
        add(terms(lower.substring(cue)), negAt <= uncAt ? f.absent : f.uncertain);
    }

    private static void zhClause(String clause, Findings f) {
        Matcher unc = UNCERTAIN_ZH.matcher(clause);
        Matcher neg = NEGATION_ZH.matcher(clause);
        int uncAt = unc.find() ? unc.start() : Integer.MAX_VALUE;
        int negAt = neg.find() ? neg.start() : Integer.MAX_VALUE;
        // 不除外 starts with 不: uncertainty wins where both cues start together. A cue closing its clause
        // ("右下肺炎症不除外", "培养阴性") looks back at what comes before it.
        if (uncAt <= negAt && uncAt != Integer.MAX_VALUE) {
            scopeZh(clause, uncAt, unc.end(), f.uncertain, f);
        } else if (negAt != Integer.MAX_VALUE) {
            scopeZh(clause, negAt, neg.end(), f.absent, f);
        } else {
            add(hanTerms(clause), f.present);
        }
    }

    private static void scopeZh(String clause, int cueStart, int cueEnd, Set<String> scope, Findings f) {
        List<String> after = hanTerms(clause.substring(cueEnd));
        if (after.isEmpty()) {
            add(hanTerms(clause.substring(0, cueStart)), scope);
        } else {
            add(hanTerms(clause.substring(0, cueStart)), f.present);
            add(after, scope);
        }
    }

    private static void add(List<String> terms, Set<String> into) {
        into.addAll(terms);
    }

    /** Content words (simple plural folded) and adjacent content-word pairs. */
    static List<String> terms(String text) {
        List<String> words = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String previous = null;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9'-]+")) {
            String word = stem(w.replaceAll("^'+|'+$", ""));
            boolean content = word.length() >= 3 && !STOP.contains(word) && !word.matches("\\d.*") && !word.contains("'");
            if (content) {
                out.add(word);
                if (previous != null) {
                    out.add(previous + " " + word);
                }
                previous = word;
            } else {
                previous = null;
            }
            words.add(word);
        }
        return out;
    }

    private static List<String> hanTerms(String text) {
        List<String> out = new ArrayList<>();
        String han = text.replaceAll("[^\\p{IsHan}]", " ");
        for (String run : han.split("\\s+")) {
            for (int i = 0; i + 2 <= run.length(); i++) {
                String bigram = run.substring(i, i + 2);
                if (!bigram.matches(".*[患者病人诉有的了及和等].*")) {
                    out.add(bigram);
                }
            }
        }
        return out;
    }

    private static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
