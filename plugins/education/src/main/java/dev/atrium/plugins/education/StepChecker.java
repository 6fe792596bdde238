package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a learner's written steps: finds the equations in a message ("3 × 4 = 12", "12+5=18", "1/2 of 24 is
 * 12", "x = 7", "四乘以三等于十二"), evaluates every side with {@link Arithmetic} (EvalEx) and reports each step
 * as correct or not, in order, so the first wrong one can be pointed at. Equivalent forms agree: "0.5",
 * "1/2", "50%" and "half" are one value; a result rounded to the places it is written with is accepted;
 * a running computation ("3*4 = 12+5 = 17") is read as the learner means it.
 */
final class StepChecker {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^[\\s(]*(\\d+(?:\\.\\d+)?)\\s*[-+*/^]");

    /**
     * One checked step.
     *
     * @param text the step as normalised ("3*4 = 12")
     * @param correct whether every side agrees
     * @param value what its first side computes to
     * @param claimed what the learner says it comes to (its last side)
     * @param variable the variable a "x = 7" step assigns, or null
     */
    record Step(String text, boolean correct, BigDecimal value, BigDecimal claimed, String variable) {
    }

    private final Map<String, BigDecimal> variables;

    /**
     * A checker that knows the problem's unknowns, if any (from an equation in the problem, or the expected
     * answer for "x = 7" style steps).
     */
    StepChecker(Map<String, BigDecimal> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** A checker for plain arithmetic, without unknowns. */
    StepChecker() {
        this(Map.of());
    }

    /** The steps a message contains, checked, in the order written; empty when it has no equation. */
    List<Step> check(String message) {
        String normalized = Arithmetic.normalize(message);
        List<Step> steps = new ArrayList<>();
        Matcher m = Arithmetic.CHAIN.matcher(normalized);
        while (m.find()) {
            String chain = m.group().strip();
            String[] sides = chain.split("=");
            if (sides.length < 2 || !chain.matches(".*\\d.*")) {
                continue;
            }
            check(sides).ifPresent(steps::add);
        }
        return steps;
    }

    /** Checks one equation chain "a = b (= c ...)", or empty if it cannot be evaluated. */
    Optional<Step> check(String[] sides) {
        String text = String.join(" = ", java.util.Arrays.stream(sides).map(String::strip).toList());
        // "x = 7": an assignment to an unknown the problem asks for.
        if (sides.length == 2) {
            String left = sides[0].strip();
            String right = sides[1].strip();
            if (left.matches("[a-z]") && right.matches("-?\\d+(?:\\.\\d+)?")) {
                BigDecimal claimed = new BigDecimal(right);
                BigDecimal known = variables.get(left);
                return Optional.of(new Step(text, known != null && Arithmetic.agree(known, claimed, right),
                        known, claimed, left));
            }
        }
        List<BigDecimal> values = new ArrayList<>();
        for (String side : sides) {
            Optional<BigDecimal> value = Arithmetic.evaluate(side, variables);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        boolean correct = true;
        for (int i = 0; i + 1 < sides.length; i++) {
            BigDecimal left = values.get(i);
            BigDecimal right = values.get(i + 1);
            if (Arithmetic.agree(left, right, sides[i + 1]) || Arithmetic.agree(right, left, sides[i])) {
                continue;
            }
            // A running computation: "3*4 = 12 + 5 = 17" means 3*4 = 12, then 12 + 5 = 17.
            Matcher lead = LEADING_NUMBER.matcher(sides[i + 1]);
            if (lead.find() && Arithmetic.agree(left, new BigDecimal(lead.group(1)), lead.group(1))) {
                continue;
            }
            correct = false;
            break;
        }
        return Optional.of(new Step(text, correct, values.get(0), values.get(values.size() - 1), null));
    }

    /** The index of the first wrong step, or -1 when all are right. */
    static int firstWrong(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).correct()) {
                return i;
            }
        }
        return -1;
    }
}
