package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graduated hints for one step of a reference solution, from a gentle nudge to a near-complete step:
 * <ol>
 *   <li>what to think about: the step's sentence with its computation and result hidden;</li>
 *   <li>which numbers to use;</li>
 *   <li>which operation to apply to them;</li>
 *   <li>the computation to do, asked as a question ("48 / 2 = ?").</li>
 * </ol>
 * The result is never written; the tutor still passes every hint through the {@link AnswerLeakGuard}.
 */
final class HintLadder {

    /** The highest rung: the near-complete step. */
    static final int TOP = 4;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern OPERATOR = Pattern.compile("(?<=[\\d)\\s])[-+*/^](?=[\\s(\\d])");
    private static final Pattern COMPUTATION = Pattern.compile(
            "[$€£¥]?\\s*[\\d.,]+(?:\\s*[-+*/x×÷]\\s*[$€£¥]?\\s*[\\d.,]+)+\\s*=\\s*[$€£¥]?\\s*[\\d.,]+");

    private HintLadder() {
    }

    /**
     * The hint at a rung (1 to {@link #TOP}) for a step.
     *
     * @param step the step the learner works on
     * @param first whether it is the solution's first step
     * @param guard hides any protected number left in the step's sentence
     * @param zh Chinese instead of English
     */
    static String hint(ReferenceSolution.Step step, int rung, boolean first, AnswerLeakGuard guard, boolean zh) {
        return hint(step, rung, first, guard, zh, "");
    }

    /**
     * The hint at a rung, naming a number of the problem that the guard protects (a problem whose answer is also
     * one of its givens) by what it counts ("the number of shorts") instead of its digits.
     */
    static String hint(ReferenceSolution.Step step, int rung, boolean first, AnswerLeakGuard guard, boolean zh,
                       String problem) {
        List<String> operands = operands(step.expression()).stream().map(o -> label(o, guard, problem, zh)).toList();
        String ops = String.join(zh ? "、" : ", ", operands);
        return switch (Math.max(1, Math.min(TOP, rung))) {
            case 1 -> {
                String context = masked(step.sentence(), guard);
                String ask = zh ? (first ? "你觉得第一步应该先求什么？" : "接下来你需要求什么？")
                        : (first ? "What do you think you need to work out first?" : "What do you need to work out next?");
                if (context.isEmpty()) {
                    yield ask;
                }
                yield zh ? "想一想这一部分：“" + context + "” " + ask
                        : "Think about this part: \"" + context + "\" " + ask;
            }
            case 2 -> operands.isEmpty()
                    ? (zh ? "题目里哪些数和这一步有关？" : "Which numbers from the problem belong to this step?")
                    : (zh ? "这一步要用到的数是 " + ops + "。它们之间应该怎么算？"
                    : "The numbers you need for this step are " + join(operands, false)
                    + ". How should you combine them?");
            case 3 -> operation(step.expression(), operands, zh, o -> label(o, guard, problem, zh));
            default -> zh ? "算一算：" + labelled(step.expression(), guard, problem, zh) + " = ？你得到多少？"
                    : "Work it out: " + labelled(step.expression(), guard, problem, zh) + " = ? What do you get?";
        };
    }

    /** The numbers of an expression, in order, without repeats. */
    static List<String> operands(String expression) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(expression);
        while (m.find()) {
            found.add(Arithmetic.plain(new BigDecimal(m.group())));
        }
        return new ArrayList<>(found);
    }

    private static String operation(String expression, List<String> operands, boolean zh,
                                    java.util.function.UnaryOperator<String> label) {
        Set<String> operators = new LinkedHashSet<>();
        Matcher m = OPERATOR.matcher(expression);
        while (m.find()) {
            operators.add(m.group());
        }
        List<String> all = new ArrayList<>();
        Matcher n = NUMBER.matcher(expression);
        while (n.find()) {
            all.add(label.apply(Arithmetic.plain(new BigDecimal(n.group()))));
        }
        if (operators.size() == 1 && !expression.contains("(") && all.size() >= 2) {
            String first = all.get(0);
            List<String> rest = all.subList(1, all.size());
            switch (operators.iterator().next()) {
                case "+" -> {
                    return zh ? "试着把 " + String.join("、", all) + " 加起来，你会得到多少？"
                            : "Try adding " + join(all, true) + ".";
                }
                case "-" -> {
                    return zh ? "试着用 " + first + " 减去 " + String.join("、", rest) + "，你会得到多少？"
                            : "Try subtracting " + join(rest, true) + " from " + first + ".";
                }
                case "*" -> {
                    return zh ? "试着把 " + String.join("、", all) + " 相乘，你会得到多少？"
                            : "Try multiplying " + join(all, true) + ".";
                }
                case "/" -> {
                    return zh ? "试着用 " + first + " 除以 " + String.join("、", rest) + "，你会得到多少？"
                            : "Try dividing " + first + " by " + join(rest, true) + ".";
                }
                default -> {
                }
            }
        }
        return zh ? "试着用 " + String.join("、", operands) + " 列一个算式。"
                : "Try writing one calculation with " + join(operands, true) + ".";
    }

    private static final java.util.Set<String> NOT_COUNTED = java.util.Set.of("of", "her", "his", "their", "the", "a",
            "an", "each", "more", "less", "than", "per", "and", "times", "as", "many", "much", "in", "on", "at", "for");

    /**
     * A number as a hint may show it: its digits, or — when the guard protects it (the answer is also a given of
     * the problem) — what it counts in the problem ("the number of shorts"), or "that number from the problem".
     */
    static String label(String number, AnswerLeakGuard guard, String problem, boolean zh) {
        if (guard.safe(number)) {
            return number;
        }
        if (!zh && problem != null) {
            Matcher m = Pattern.compile("(?<![\\d.])\\$?" + Pattern.quote(number) + "(?![\\d]|\\.\\d)((?:\\s+[A-Za-z-]+){1,4})")
                    .matcher(problem);
            if (m.find()) {
                for (String word : m.group(1).strip().split("\\s+")) {
                    if (!NOT_COUNTED.contains(word.toLowerCase(java.util.Locale.ROOT)) && guard.safe(word)) {
                        return "the number of " + word.toLowerCase(java.util.Locale.ROOT);
                    }
                }
            }
        }
        return zh ? "题目里给出的那个数" : "that number from the problem";
    }

    /** The expression shown with its protected numbers named by {@link #label}. */
    static String labelled(String expression, AnswerLeakGuard guard, String problem, boolean zh) {
        Matcher m = NUMBER.matcher(display(expression));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(label(Arithmetic.plain(new BigDecimal(m.group())), guard,
                    problem, zh)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The expression as shown to a learner: "48 / 2", "0.2 × 50". */
    static String display(String expression) {
        return expression.replaceAll("\\s+", "").replaceAll("([-+*/^=])", " $1 ").replace("*", "×")
                .replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").strip();
    }

    /** The step's sentence with its computation and every protected number hidden; empty if nothing is left. */
    static String masked(String sentence, AnswerLeakGuard guard) {
        if (sentence == null || sentence.isBlank()) {
            return "";
        }
        String s = COMPUTATION.matcher(NumberMentions.fold(sentence)).replaceAll(" … ");
        for (AnswerLeakGuard.Leak leak : guard.check(s)) {
            s = s.replace(leak.text(), "…");
        }
        s = s.replaceAll("(…\\s*)+", "… ").replaceAll("\\s+", " ").replaceAll("\\s+([.,;:!?])", "$1").strip();
        if (!guard.safe(s) || s.replace("…", "").strip().length() < 8) {
            return "";
        }
        return s;
    }

    private static String join(List<String> items, boolean and) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
