package dev.atrium.plugins.education;

import dev.atrium.sdk.text.PassageIndex;
import dev.atrium.sdk.text.Summary;
import dev.atrium.sdk.text.TextKit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions from course material without a model: the most central sentences (the text kit's extractive
 * summary, ranked over embeddings) are taken as key sentences, each one's most characteristic term (the text
 * kit's keywords) becomes the answer, and the question is a cloze of the sentence. Distractors are other terms
 * of the material, the nearest in meaning first (a passage index over the terms). A true/false statement is the
 * sentence as written, or with its term swapped for a distractor. Every question keeps its sentence as source.
 */
final class QuizBuilder {

    static final String MULTIPLE_CHOICE = "multiple-choice";
    static final String TRUE_FALSE = "true-false";
    static final String SHORT_ANSWER = "short-answer";
    static final List<String> KINDS = List.of(MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER);

    static final String BLANK = "_____";

    // Frequent words that make poor answers: asking for "called" tests grammar, not the material.
    private static final Set<String> WEAK_TERMS = Set.of("called", "call", "used", "use", "using", "make", "makes",
            "made", "take", "takes", "taken", "place", "also", "small", "large", "tiny", "own", "way", "ways", "thing",
            "things", "part", "parts", "example", "many", "much", "often", "however", "therefore", "process");

    /**
     * A question with its key and where it comes from.
     *
     * @param kind multiple-choice, true-false or short-answer
     * @param question the question
     * @param choices the choices of a multiple-choice question (the answer among them), else empty
     * @param answer the answer key
     * @param source the material's sentence it is built on
     */
    record Question(String kind, String question, List<String> choices, String answer, String source) {
    }

    /**
     * The questions built and what ranked the sentences.
     *
     * @param questions the questions, at most as many as asked
     * @param engine the summary's engine (the embeddings model, or the lexical fallback)
     */
    record Built(List<Question> questions, String engine) {
    }

    private QuizBuilder() {
    }

    static Built build(String material, int count, List<String> kinds, boolean zh, TextKit text) {
        List<String> sentences = text.sentences(material).stream().map(String::strip)
                .filter(s -> usable(s, zh)).toList();
        if (sentences.isEmpty()) {
            return new Built(List.of(), "lexical");
        }
        List<String> terms = text.keywords(material, 60).stream().map(TextKit.Keyword::term)
                .filter(t -> t.strip().length() >= (zh ? 2 : 3) && !t.matches(".*\\d.*"))
                .filter(t -> !WEAK_TERMS.contains(t.toLowerCase(Locale.ROOT))).toList();
        // Key sentences: the most central first, then the rest in text order.
        Summary summary = text.summarize(String.join(zh ? "" : " ", sentences), Math.min(sentences.size(), count * 3));
        Set<String> ordered = new LinkedHashSet<>();
        summary.sentences().forEach(s -> ordered.add(s.text().strip()));
        ordered.addAll(sentences);

        PassageIndex termIndex = terms.size() > 1 ? text.index(terms) : null;
        List<Question> questions = new ArrayList<>();
        Set<String> usedTerms = new LinkedHashSet<>();
        Random random = new Random(material.hashCode());
        for (String sentence : ordered) {
            if (questions.size() >= count) {
                break;
            }
            String term = terms.stream().filter(t -> !usedTerms.contains(t.toLowerCase(Locale.ROOT)))
                    .filter(t -> find(sentence, t, zh).find()).findFirst().orElse(null);
            if (term == null) {
                continue;
            }
            String kind = kinds.get(questions.size() % kinds.size());
            List<String> distractors = distractors(term, sentence, terms, termIndex, zh);
            String surface = surface(sentence, term, zh);
            Question q = switch (kind) {
                case MULTIPLE_CHOICE -> {
                    if (distractors.size() < 3) {
                        yield null;
                    }
                    List<String> choices = new ArrayList<>(distractors.subList(0, 3));
                    choices.add(surface);
                    Collections.shuffle(choices, random);
                    yield new Question(kind, cloze(sentence, term, zh), choices, surface, sentence);
                }
                case TRUE_FALSE -> {
                    boolean truth = random.nextBoolean() || distractors.isEmpty();
                    String statement = truth ? sentence : replace(sentence, term, distractors.get(0), zh);
                    if (!truth && material.contains(statement)) {
                        yield null;
                    }
                    yield new Question(kind, (zh ? "判断正误：" : "True or false: ") + statement,
                            zh ? List.of("正确", "错误") : List.of("True", "False"),
                            truth ? (zh ? "正确" : "True") : (zh ? "错误" : "False"), sentence);
                }
                default -> new Question(SHORT_ANSWER, (zh ? "填空：" : "Fill in the blank: ") + cloze(sentence, term, zh),
                        List.of(), surface, sentence);
            };
            if (q != null && valid(q, material, zh)) {
                questions.add(q);
                usedTerms.add(term.toLowerCase(Locale.ROOT));
            }
        }
        String engine = summary.engine() == null ? "lexical"
                : summary.engine().model().isEmpty() ? summary.engine().provider() : summary.engine().model();
        return new Built(questions, engine);
    }

    /** Whether the key is in the material: the source is, and the answer is in the source (a false statement's original is). */
    static boolean valid(Question q, String material, boolean zh) {
        String normalizedMaterial = material.replaceAll("\\s+", " ");
        if (!normalizedMaterial.contains(q.source().replaceAll("\\s+", " "))) {
            return false;
        }
        if (q.kind().equals(TRUE_FALSE)) {
            return q.choices().contains(q.answer());
        }
        if (q.kind().equals(MULTIPLE_CHOICE) && (!q.choices().contains(q.answer())
                || new LinkedHashSet<>(q.choices().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()).size()
                != q.choices().size())) {
            return false;
        }
        return find(q.source(), q.answer(), zh).find();
    }

    private static boolean usable(String sentence, boolean zh) {
        int length = sentence.length();
        return zh ? length >= 8 && length <= 120 : length >= 30 && length <= 300 && sentence.split("\\s+").length >= 6
                && !sentence.endsWith("?");
    }

    private static List<String> distractors(String term, String sentence, List<String> terms, PassageIndex index,
                                            boolean zh) {
        List<String> candidates = new ArrayList<>();
        if (index != null) {
            index.search(term, Math.min(terms.size(), 15)).forEach(h -> candidates.add(h.text()));
        }
        candidates.addAll(terms);
        Set<String> out = new LinkedHashSet<>();
        String lower = term.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            String cl = c.toLowerCase(Locale.ROOT);
            if (cl.equals(lower) || cl.contains(lower) || lower.contains(cl) || find(sentence, c, zh).find()) {
                continue;
            }
            out.add(c);
        }
        return new ArrayList<>(out);
    }

    static Matcher find(String sentence, String term, boolean zh) {
        String quoted = Pattern.quote(term);
        String regex = zh || term.codePoints().anyMatch(c -> c > 0x2E80) ? quoted : "\\b" + quoted + "\\b";
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(sentence);
    }

    /** The term as written in the sentence (its case there). */
    private static String surface(String sentence, String term, boolean zh) {
        Matcher m = find(sentence, term, zh);
        return m.find() ? m.group() : term;
    }

    private static String cloze(String sentence, String term, boolean zh) {
        return find(sentence, term, zh).replaceAll(BLANK);
    }

    private static String replace(String sentence, String term, String by, boolean zh) {
        return find(sentence, term, zh).replaceAll(Matcher.quoteReplacement(by));
    }
}
