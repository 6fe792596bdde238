package dev.atrium.plugins.education;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learner arithmetic as EvalEx expressions: {@link #normalize} turns what people write ("3 × 4", "1/2 of 24 is
 * 12", "fifty percent of 80", "四乘以三等于十二", "$12") into plain expressions and equations, and
 * {@link #evaluate} computes a side with EvalEx in decimal arithmetic (34 digits), never with strings.
 */
final class Arithmetic {

    private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(new MathContext(34, RoundingMode.HALF_EVEN))
            .implicitMultiplicationAllowed(true)
            .arraysAllowed(false)
            .structuresAllowed(false)
            .build();

    private static final String NUM = "\\d+(?:\\.\\d+)?";

    /** A side of an equation: numbers, single-letter variables, operators and brackets. */
    static final String SIDE = "[-(\\s]*(?:" + NUM + "[a-z]?|(?<![a-z])[a-z](?![a-z]))[\\s)]*"
            + "(?:[-+*/^][\\s(]*(?:" + NUM + "[a-z]?|(?<![a-z])[a-z](?![a-z]))[\\s)]*)*";

    /** An equation or a chain of them: "3*4 = 12", "48/2 = 24 = 24", "x = 7". */
    static final Pattern CHAIN = Pattern.compile("(" + SIDE + ")(?:=(" + SIDE + "))+");

    /** An expression with at least one operator, for the leak guard: "48 + 24", "144/2". */
    static final Pattern EXPRESSION = Pattern.compile(
            "[(\\s]*" + NUM + "[\\s)]*(?:[-+*/^][\\s(]*" + NUM + "[\\s)]*)+");

    private static final Pattern CURRENCY = Pattern.compile("[$€£¥￥]\\s*(?=\\d)|(?<=\\d)\\s*(?:元|块钱|块)");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern TIMES_X = Pattern.compile("(?<=[\\d)])\\s*[x×✕✖·⋅∙*]\\s*(?=[\\d(])");
    private static final Pattern PERCENT = Pattern.compile("(" + NUM + ")\\s*%");
    private static final Pattern OF = Pattern.compile("(?<=[\\d)])\\s+of\\s+(?=[\\d(])");
    private static final Pattern DIGIT_FRACTION = Pattern.compile(
            "(\\d+)\\s+(halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths)\\b");
    private static final Map<String, String> DENOMINATORS = Map.of("halves", "2", "thirds", "3", "quarters", "4",
            "fourths", "4", "fifths", "5", "sixths", "6", "sevenths", "7", "eighths", "8", "ninths", "9", "tenths", "10");
    private static final Pattern CN_OF = Pattern.compile("(?<=[\\d)])\\s*的\\s*(?=[\\d(])");

    // Longest phrases first; word boundaries so "is" inside "this" is left alone.
    private static final List<Map.Entry<Pattern, String>> WORDS = List.of(
            word("multiplied\\s+by", "*"), word("times", "*"), word("divided\\s+by", "/"),
            word("over", "/"), word("plus", "+"), word("added\\s+to", "+"), word("minus", "-"),
            word("take\\s+away", "-"), word("is\\s+equal\\s+to", "="), word("equal\\s+to", "="),
            word("equals", "="), word("equal", "="), word("makes", "="), word("gives", "="),
            word("is", "="), word("are", "="), word("was", "="), word("were", "="),
            Map.entry(Pattern.compile("乘以|乘"), "*"), Map.entry(Pattern.compile("除以"), "/"),
            Map.entry(Pattern.compile("加上|加"), "+"), Map.entry(Pattern.compile("减去|减"), "-"),
            Map.entry(Pattern.compile("等于|是"), "="), Map.entry(Pattern.compile("[×✕✖·⋅∙]"), "*"),
            Map.entry(Pattern.compile("÷"), "/"));

    private Arithmetic() {
    }

    private static Map.Entry<Pattern, String> word(String regex, String symbol) {
        return Map.entry(Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE), symbol);
    }

    /**
     * The text with numbers as digits and operations as symbols: "half of forty-eight is 24" becomes
     * "0.5*48=24". Words that are neither stay, so equations can be found among them.
     */
    static String normalize(String text) {
        String folded = NumberMentions.fold(text);
        folded = CURRENCY.matcher(folded).replaceAll("");
        folded = THOUSANDS.matcher(folded).replaceAll("");
        // Number words to digits, from the end so offsets stay valid.
        List<NumberMentions.Mention> mentions = NumberMentions.find(folded);
        StringBuilder out = new StringBuilder(folded);
        for (int i = mentions.size() - 1; i >= 0; i--) {
            NumberMentions.Mention m = mentions.get(i);
            boolean percent = m.values().size() > 1;
            boolean plainDigits = m.text().matches(NUM);
            if (plainDigits) {
                continue;
            }
            String digits = percent ? "(" + plain(m.values().get(1)) + "/100)" : plain(m.value());
            out.replace(m.start(), m.end(), " " + digits + " ");
        }
        String s = out.toString().toLowerCase(Locale.ROOT);
        s = PERCENT.matcher(s).replaceAll("($1/100)");
        s = DIGIT_FRACTION.matcher(s).replaceAll(r -> "(" + r.group(1) + "/" + DENOMINATORS.get(r.group(2)) + ")");
        for (Map.Entry<Pattern, String> w : WORDS) {
            s = w.getKey().matcher(s).replaceAll(" " + w.getValue() + " ");
        }
        s = OF.matcher(s).replaceAll("*");
        s = CN_OF.matcher(s).replaceAll("*");
        s = TIMES_X.matcher(s).replaceAll("*");
        return s.replaceAll("[ \\t]+", " ");
    }

    /** A number written without exponent or trailing zeros. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** The value of one side, with the given variables; empty if it does not parse or uses unknown names. */
    static Optional<BigDecimal> evaluate(String side, Map<String, BigDecimal> variables) {
        String expression = side.strip();
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        try {
            Expression e = new Expression(expression, CONFIG);
            for (String name : e.getUsedVariables()) {
                BigDecimal value = variables.get(name.toLowerCase(Locale.ROOT));
                if (value == null) {
                    return Optional.empty();
                }
                e.with(name, value);
            }
            EvaluationValue value = e.evaluate();
            return value.isNumberValue() ? Optional.of(value.getNumberValue()) : Optional.empty();
        } catch (Exception e) {
            // EvalEx throws ParseException/EvaluationException (and ArithmeticException on division by zero).
            return Optional.empty();
        }
    }

    /** Variables used in a side (single letters), lower case. */
    static List<String> variables(String side) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![a-z])[a-z](?![a-z])").matcher(side.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!names.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /**
     * Whether a computed value and a written one agree: equal, or the written one is the computed one rounded
     * to the decimals it was written with ("10/3 = 3.33").
     */
    static boolean agree(BigDecimal computed, BigDecimal written, String writtenText) {
        BigDecimal tolerance = computed.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-12"));
        if (computed.subtract(written).abs().compareTo(tolerance) <= 0) {
            return true;
        }
        String t = writtenText.strip();
        if (t.matches("-?\\d+\\.\\d+")) {
            int places = t.length() - t.indexOf('.') - 1;
            return computed.setScale(places, RoundingMode.HALF_UP).compareTo(written) == 0;
        }
        return false;
    }

    /** Whether two values are the same number (to 12 significant digits). */
    static boolean same(BigDecimal a, BigDecimal b) {
        BigDecimal tolerance = a.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-12"));
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }
}
