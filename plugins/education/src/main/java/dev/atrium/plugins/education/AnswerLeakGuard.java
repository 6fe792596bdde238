package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a tutor reply from stating what the learner must find: the final answer and the intermediate results
 * not found yet. A value counts as stated in any form {@link NumberMentions} reads — digits with or without
 * units or currency, English words, Chinese numerals, percentages, rounded decimals — and as the result of an
 * arithmetic expression written as a statement ("the answer is 70 + 2", "144/2"). An expression asked as a
 * question ("What is 48 + 24?") is a hint, not a leak: the learner still has to compute it.
 *
 * <p>Every reply the tutor sends goes through {@link #check}; a reply that leaks is cut down to its sentences
 * that do not ({@link #redact}), or replaced by the caller.
 */
final class AnswerLeakGuard {

    // A question about "the answer" that names an expression ("Is the answer 70 + 2?") still gives it away.
    private static final Pattern ANSWER_WORDS = Pattern.compile("answer|solution|result|答案|结果|得数",
            Pattern.CASE_INSENSITIVE);
    // A decimal point ("0.8 / 2") does not end a sentence.
    private static final Pattern SENTENCE = Pattern.compile(
            "(?:[^.!?。！？\\n]|(?<=\\d)\\.(?=\\d))+[.!?。！？]*\\s*|\\n");

    /**
     * A value the guard protects.
     *
     * @param value the number
     * @param what what it is, for the teacher's record ("final answer", "result of step 2")
     */
    record Secret(BigDecimal value, String what) {
    }

    /**
     * Where a reply states a protected value.
     *
     * @param text the words or expression that state it
     * @param secret the value it states
     */
    record Leak(String text, Secret secret) {
    }

    private final List<Secret> secrets;

    AnswerLeakGuard(List<Secret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    List<Secret> secrets() {
        return secrets;
    }

    /** Every place the reply states a protected value; empty when the reply is safe. */
    List<Leak> check(String reply) {
        List<Leak> leaks = new ArrayList<>();
        if (secrets.isEmpty() || reply == null || reply.isBlank()) {
            return leaks;
        }
        String folded = NumberMentions.fold(reply);
        for (NumberMentions.Mention mention : NumberMentions.find(folded)) {
            for (Secret secret : secrets) {
                if (NumberMentions.means(mention, secret.value())) {
                    leaks.add(new Leak(mention.text(), secret));
                    break;
                }
            }
        }
        // Expressions written as statements: read every sentence in arithmetic form.
        Matcher sentences = SENTENCE.matcher(folded);
        while (sentences.find()) {
            String sentence = sentences.group();
            if (isQuestion(sentence) && !ANSWER_WORDS.matcher(sentence).find()) {
                continue;
            }
            String arithmetic = Arithmetic.normalize(sentence);
            Matcher e = Arithmetic.EXPRESSION.matcher(arithmetic);
            while (e.find()) {
                Optional<BigDecimal> value = Arithmetic.evaluate(e.group(), Map.of());
                if (value.isEmpty()) {
                    continue;
                }
                for (Secret secret : secrets) {
                    if (Arithmetic.same(value.get().abs(), secret.value().abs())) {
                        leaks.add(new Leak(e.group().strip(), secret));
                        break;
                    }
                }
            }
        }
        return leaks;
    }

    /** Whether the reply states nothing protected. */
    boolean safe(String reply) {
        return check(reply).isEmpty();
    }

    /**
     * The reply without its sentences that leak, or empty when too little is left to be worth sending (less
     * than a question or 25 characters).
     */
    Optional<String> redact(String reply) {
        StringBuilder kept = new StringBuilder();
        Matcher sentences = SENTENCE.matcher(reply);
        while (sentences.find()) {
            String sentence = sentences.group();
            if (safe(sentence)) {
                kept.append(sentence);
            }
        }
        String result = kept.toString().strip();
        if (result.length() < 25 && !isQuestion(result) || !safe(result)) {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private static boolean isQuestion(String sentence) {
        String s = sentence.strip();
        return s.endsWith("?") || s.endsWith("？") || s.matches("(?s).*=\\s*[?？_]+.*");
    }
}
