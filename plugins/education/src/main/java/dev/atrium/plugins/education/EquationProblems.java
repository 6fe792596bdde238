package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Solves the linear equation a problem states ("Solve 2x + 3 = 17"), so that learner steps with the unknown
 * ("2x = 14", "x = 7") can be checked by substitution. Linear in one variable only: the equation's difference
 * f(v) = left − right is evaluated at 0 and 1 with EvalEx, the root taken, and accepted only if f(root) = 0.
 */
final class EquationProblems {

    /**
     * An unknown and its value.
     *
     * @param name the variable, lower case
     * @param value its value
     */
    record Unknown(String name, BigDecimal value) {
    }

    private EquationProblems() {
    }

    static Optional<Unknown> unknown(String problem) {
        Matcher m = Arithmetic.CHAIN.matcher(Arithmetic.normalize(problem));
        while (m.find()) {
            String[] sides = m.group().split("=");
            if (sides.length != 2) {
                continue;
            }
            List<String> names = Arithmetic.variables(m.group());
            if (names.size() != 1) {
                continue;
            }
            String v = names.get(0);
            String difference = "(" + sides[0] + ")-(" + sides[1] + ")";
            Optional<BigDecimal> at0 = Arithmetic.evaluate(difference, Map.of(v, BigDecimal.ZERO));
            Optional<BigDecimal> at1 = Arithmetic.evaluate(difference, Map.of(v, BigDecimal.ONE));
            if (at0.isEmpty() || at1.isEmpty()) {
                continue;
            }
            BigDecimal slope = at1.get().subtract(at0.get());
            if (slope.signum() == 0) {
                continue;
            }
            BigDecimal root = at0.get().negate().divide(slope, MathContext.DECIMAL64);
            Optional<BigDecimal> check = Arithmetic.evaluate(difference, Map.of(v, root));
            if (check.isPresent() && Arithmetic.same(check.get(), BigDecimal.ZERO)) {
                return Optional.of(new Unknown(v, root.stripTrailingZeros()));
            }
        }
        return Optional.empty();
    }
}
