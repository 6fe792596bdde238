package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A teacher's worked solution as steps with results. Reads GSM8K-style calculator annotations
 * ("Natalia sold 48/2 = <<48/2=24>>24 clips in May.", final answer after "####") and plain worked lines
 * ("48 / 2 = 24", "四十八除以二等于二十四"); each step keeps its sentence, so hints can point at it.
 *
 * @param steps the steps in order
 * @param answer the final answer's value, or null when neither given nor derivable
 * @param answerText the final answer as written by the teacher (units included), may be empty
 */
record ReferenceSolution(List<Step> steps, BigDecimal answer, String answerText) {

    private static final Pattern ANNOTATION = Pattern.compile("<<([^=<>]+)=([^<>]+)>>");
    private static final Pattern FINAL = Pattern.compile("(?m)^\\s*####\\s*(.+)$");

    /**
     * One step of the solution.
     *
     * @param expression what is computed, normalised ("48/2")
     * @param result its value
     * @param sentence the solution's sentence for it, annotations removed
     */
    record Step(String expression, BigDecimal result, String sentence) {
    }

    ReferenceSolution {
        steps = List.copyOf(steps);
        answerText = answerText == null ? "" : answerText.strip();
    }

    /** An empty solution: no steps, no answer. */
    static ReferenceSolution none() {
        return new ReferenceSolution(List.of(), null, "");
    }

    boolean hasSteps() {
        return !steps.isEmpty();
    }

    /**
     * Parses a worked solution and the final answer.
     *
     * @param solution the worked solution, may be empty
     * @param answer the final answer as given separately, may be empty; wins over "####" and the last step
     */
    static ReferenceSolution parse(String solution, String answer) {
        String text = solution == null ? "" : solution;
        List<Step> steps = new ArrayList<>();
        String finalText = answer == null ? "" : answer.strip();
        Matcher fin = FINAL.matcher(text);
        if (fin.find()) {
            if (finalText.isEmpty()) {
                finalText = fin.group(1).strip();
            }
            text = text.substring(0, fin.start());
        }
        StepChecker checker = new StepChecker();
        for (String line : text.split("\\R|(?<=[.。;；])\\s+(?=\\D)")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher a = ANNOTATION.matcher(line);
            boolean annotated = false;
            while (a.find()) {
                Optional<BigDecimal> result = Arithmetic.evaluate(a.group(2).replace(",", ""), java.util.Map.of());
                if (result.isPresent()) {
                    steps.add(new Step(Arithmetic.normalize(a.group(1)).strip(), result.get(), sentence(line)));
                    annotated = true;
                }
            }
            if (annotated) {
                continue;
            }
            for (StepChecker.Step s : checker.check(line)) {
                String first = s.text().split("=")[0].strip();
                if (first.matches(".*[-+*/^].*")) {
                    steps.add(new Step(first, s.claimed(), line.strip()));
                }
            }
        }
        BigDecimal value = null;
        if (!finalText.isEmpty()) {
            String given = finalText;
            String normalized = Arithmetic.normalize(finalText);
            Matcher assignment = Pattern.compile("^[a-z]\\s*=\\s*(.+)$").matcher(normalized.strip());
            String valueText = assignment.find() ? assignment.group(1) : normalized;
            value = Arithmetic.evaluate(valueText.replaceAll("[^0-9.+\\-*/()^ ]", " ").strip(), java.util.Map.of())
                    .or(() -> NumberMentions.first(given)).orElse(null);
        }
        if (value == null && !steps.isEmpty()) {
            value = steps.get(steps.size() - 1).result();
        }
        return new ReferenceSolution(steps, value, finalText);
    }

    /** The sentence without calculator annotations: "Natalia sold 48/2 = 24 clips in May." */
    static String sentence(String line) {
        return ANNOTATION.matcher(line).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
