package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the tutor's one pedagogical move for a learner message and writes it from templates (English or
 * Chinese), updating the session: ask, probe, hint (the next rung of the {@link HintLadder}), confirm a
 * correct step, locate an error without correcting it, encourage, refuse to hand over the answer, or reveal
 * it when the teacher's policy allows. The step checker decides what is right; every reply then goes through
 * the session's {@link AnswerLeakGuard} (see {@link #guarded}).
 */
final class Tutor {

    private static final Pattern DEMAND = Pattern.compile(
            "just tell me|tell me the (?:final )?answer|give me the (?:final )?answer|what(?:'s| is) the (?:final )?answer"
                    + "|show me the answer|answer please|i want the answer|what did you get|告诉我答案|直接告诉|答案是(?:什么|多少)"
                    + "|给我答案|直接说答案", Pattern.CASE_INSENSITIVE);
    private static final Pattern HINT = Pattern.compile(
            "\\bhint\\b|\\bhelp\\b|\\bstuck\\b|don'?t know|no idea|not sure|confused|how do i|where do i start"
                    + "|提示|不会|不知道|帮帮我|帮我|怎么做|卡住", Pattern.CASE_INSENSITIVE);
    private static final Pattern GIVING_UP = Pattern.compile(
            "give up|too hard|i can'?t do|hate (?:math|maths|this)|i'?m (?:so )?bad at|放弃|太难|我好笨|我不行",
            Pattern.CASE_INSENSITIVE);

    /**
     * What the tutor says this turn.
     *
     * @param move the pedagogical move
     * @param reply the words, already guarded
     * @param stepCheck the checked step ({@code step}, {@code correct}, {@code expected}), or null
     * @param flag a safety flag raised by the message, or null
     */
    record Decision(String move, String reply, Map<String, Object> stepCheck, String flag) {
    }

    private Tutor() {
    }

    /** Decides the move for a message (null or blank on the first turn) and updates the session's state. */
    static Decision respond(TutorSession s, String message) {
        boolean zh = s.zh();
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            return new Decision("ask", opening(s), null, null);
        }
        Optional<String> flag = SafetyFlags.classify(text, s.problem);
        if (flag.isPresent()) {
            return switch (flag.get()) {
                case SafetyFlags.DISTRESS -> new Decision("encourage", zh
                        ? "听起来你现在很不好受，谢谢你告诉我。请和你信任的大人、老师或家人说说你的感受——你不用一个人扛着。"
                        + "如果你愿意，我们可以慢慢来，一起看看这道题。"
                        : "That sounds really hard, and I'm glad you told me. Please talk to a teacher, a parent or another "
                        + "adult you trust about how you feel - you don't have to handle it alone. When you're ready, "
                        + "we can take the problem slowly, together.", null, flag.get());
                case SafetyFlags.UNSAFE -> new Decision("ask", zh
                        ? "这个我帮不了你。我们回到题目上吧：你觉得题目要求的是什么？"
                        : "I can't help with that. Let's get back to the problem: what is it asking you to find?",
                        null, flag.get());
                default -> new Decision("ask", zh
                        ? "这个话题挺有意思，不过我们先把这道题做完吧。你现在想到哪一步了？"
                        : "Interesting, but let's finish this problem first. Where are you up to?", null, flag.get());
            };
        }
        if (s.solved) {
            return new Decision("confirm", zh ? "你已经解出来了，做得好！能用自己的话说说你是怎么想的吗？"
                    : "You've already solved it - well done! Can you explain in your own words how you did it?",
                    null, null);
        }

        StepChecker checker = new StepChecker(s.variables);
        List<StepChecker.Step> steps = checker.check(text);
        if (!steps.isEmpty()) {
            return steps(s, steps);
        }
        if (DEMAND.matcher(text).find()) {
            return demand(s);
        }
        if (GIVING_UP.matcher(text).find()) {
            return new Decision("encourage", zh ? "别灰心，难题就是要一步一步来的。你已经在思考了，这就很好。"
                    + "先告诉我：题目里你已经知道哪些数？"
                    : "Don't give up - hard problems are solved one small step at a time, and you're already thinking "
                    + "about it. Tell me: which numbers does the problem give you?", null, null);
        }
        if (HINT.matcher(text).find()) {
            return hint(s, null);
        }
        List<NumberMentions.Mention> numbers = NumberMentions.find(NumberMentions.fold(text));
        if (!numbers.isEmpty()) {
            return claim(s, numbers.get(numbers.size() - 1), text);
        }
        if (!s.steps.isEmpty() || s.answer != null) {
            return new Decision("probe", zh ? "说说你的想法：你会用题目里的哪些数，怎么算？"
                    : "Tell me more about your idea: which numbers from the problem would you use, and how?", null, null);
        }
        return new Decision("probe", noReference(zh), null, null);
    }

    /** The first turn: what the problem asks and where to start. */
    static String opening(TutorSession s) {
        boolean zh = s.zh();
        if (s.steps.isEmpty() && s.answer == null) {
            return zh ? "我们一起来做这道题。先读一读题目：它要你求什么？" + noReference(true)
                    : "Let's work on this together. First, read the problem: what is it asking you to find? "
                    + noReference(false);
        }
        return zh ? "我们一起来做这道题。先读一读题目：它要你求什么？你觉得第一步可以先算什么？"
                : "Let's work on this together. What is the problem asking you to find, and what could you work out first?";
    }

    static String noReference(boolean zh) {
        return zh ? "（我可以检查你写的每一步算式，但没有老师的参考解答，离线时我无法自己推导这道题的解题步骤；"
                + "需要远程模型或参考解答才能给出提示。）"
                : "(I can check each calculation you write, but without the teacher's reference solution I cannot "
                + "derive this problem's steps offline; hints need a remote model or a reference solution.)";
    }

    private static Decision steps(TutorSession s, List<StepChecker.Step> steps) {
        boolean zh = s.zh();
        // Numbers the learner computes with are results they have (intermediate ones; never the answer itself).
        for (StepChecker.Step step : steps) {
            for (String operand : HintLadder.operands(step.text().split("=")[0])) {
                BigDecimal value = new BigDecimal(operand);
                if (s.answer == null || !Arithmetic.same(value.abs(), s.answer.abs())) {
                    markFound(s, value);
                }
            }
        }
        int wrong = StepChecker.firstWrong(steps);
        if (wrong >= 0) {
            StepChecker.Step step = steps.get(wrong);
            s.attempts++;
            String where = steps.size() > 1 ? (zh ? "第 " + (wrong + 1) + " 步" : "step " + (wrong + 1)) : (zh ? "这一步" : "this step");
            String reply;
            if (step.variable() != null) {
                reply = zh ? "再检查一下：把 " + step.variable() + " = " + Arithmetic.plain(step.claimed())
                        + " 代回题目里，等式还成立吗？"
                        : "Check it: if you put " + step.variable() + " = " + Arithmetic.plain(step.claimed())
                        + " back into the problem, does it still work?";
            } else {
                String[] sides = step.text().split("=");
                String left = HintLadder.display(sides[0].strip());
                String right = HintLadder.display(sides[sides.length - 1].strip());
                // Checked as asked: a question about the learner's own step gives nothing away unless it names a value.
                boolean echo = s.guard().safe("Does " + left + " really come to " + right + "?");
                reply = zh ? "仔细看看" + where + "。" + (echo ? left + " 真的等于 " + right + " 吗？" : "左边真的等于你写的结果吗？")
                        + "再算一遍这一步，你得到多少？"
                        : "Look carefully at " + where + ". " + (echo ? "Does " + left + " really come to " + right + "?"
                        : "Does the left side really come to what you wrote?") + " Work that step out again - what do you get?";
            }
            return new Decision("locate-error", reply, stepCheck(s, step), null);
        }
        StepChecker.Step last = steps.get(steps.size() - 1);
        boolean matched = false;
        for (StepChecker.Step step : steps) {
            matched |= markFound(s, step.claimed()) || s.steps.stream()
                    .anyMatch(r -> r.result != null && Arithmetic.same(r.result.abs(), step.claimed().abs()));
            if (s.answer != null && Arithmetic.same(step.claimed().abs(), s.answer.abs())) {
                s.solved = true;
            }
        }
        if (s.solved) {
            return new Decision("confirm", zh ? "完全正确！" + HintLadder.display(last.text()) + "，你解出来了。做得很好！"
                    + "你能说说每一步为什么这么算吗？"
                    : "Exactly right: " + HintLadder.display(last.text()) + " - you've solved it. Great work! "
                    + "Can you explain why each step works?", stepCheck(s, last), null);
        }
        String shown = HintLadder.display(last.text());
        boolean echo = s.guard().safe(shown);
        if (matched || s.steps.isEmpty()) {
            return new Decision("confirm", zh ? "对，" + (echo ? shown : "这一步") + " 是正确的。接下来你需要求什么？"
                    : "Yes, " + (echo ? shown : "that step") + " is correct. What do you need to find next?",
                    stepCheck(s, last), null);
        }
        return new Decision("probe", zh ? "你的计算" + (echo ? " " + shown + " " : "") + "没有错。不过这一步和题目要求的有什么关系呢？"
                : "Your calculation" + (echo ? " " + shown : "") + " is right. How does it help you answer the question?",
                stepCheck(s, last), null);
    }

    /** Marks every reference step with this result as found; whether any was. */
    private static boolean markFound(TutorSession s, BigDecimal value) {
        boolean any = false;
        for (int i = 0; i < s.steps.size(); i++) {
            BigDecimal result = s.steps.get(i).result;
            if (result != null && !s.done.contains(i) && Arithmetic.same(result.abs(), value.abs())) {
                s.done.add(i);
                any = true;
            }
        }
        if (any) {
            s.hintLevel = 0;
        }
        return any;
    }

    private static Map<String, Object> stepCheck(TutorSession s, StepChecker.Step step) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("step", HintLadder.display(step.text()));
        check.put("correct", step.correct());
        // Expected only when it gives nothing away: never the answer, never a result still to be found.
        if (!step.correct() && step.value() != null && step.variable() == null
                && s.guard().safe(Arithmetic.plain(step.value()))
                && (s.answer == null || !Arithmetic.same(step.value().abs(), s.answer.abs()))) {
            check.put("expected", Arithmetic.plain(step.value()));
        }
        return check;
    }

    private static Decision claim(TutorSession s, NumberMentions.Mention number, String text) {
        boolean zh = s.zh();
        if (s.answer != null && NumberMentions.means(number, s.answer)) {
            s.solved = true;
            markFound(s, s.answer);
            return new Decision("confirm", zh ? "对了！你解出来了，做得好。你能说说你是怎么得到的吗？"
                    : "That's it - you've solved it. Well done! Can you tell me how you got there?", null, null);
        }
        if (markFound(s, number.value())) {
            return new Decision("confirm", zh ? "对，这一部分你算对了。接下来你需要求什么？"
                    : "Yes, that part is right. What do you need to find next?", null, null);
        }
        boolean given = NumberMentions.find(NumberMentions.fold(s.problem == null ? "" : s.problem)).stream()
                .anyMatch(m -> Arithmetic.same(m.value(), number.value()));
        if (given) {
            return new Decision("probe", zh ? "对，这个数题目里已经给出了。你打算用它来算什么？"
                    : "Right, the problem gives you that number. What will you do with it?", null, null);
        }
        if (s.answer == null && s.steps.isEmpty()) {
            return new Decision("probe", zh ? "你是怎么得到这个数的？把你的算式写出来，我帮你检查每一步。"
                    : "How did you get that? Write out your calculation and I'll check each step.", null, null);
        }
        s.attempts++;
        return new Decision("probe", zh ? "嗯，这不是我得到的结果。你是怎么算出来的？把每一步的算式写给我看看。"
                : "Hmm, that's not what I get. How did you work it out? Show me each calculation you did.", null, null);
    }

    private static Decision demand(TutorSession s) {
        boolean zh = s.zh();
        if (s.revealAfter != null && s.attempts >= s.revealAfter && s.answer != null) {
            s.revealed = true;
            String answer = s.answerText.isEmpty() ? Arithmetic.plain(s.answer) : s.answerText;
            StringBuilder reply = new StringBuilder(zh ? "你已经很努力地试过了，老师允许我告诉你：答案是 " + answer + "。"
                    : "You've tried hard, and your teacher allows me to show you: the answer is " + answer + ".");
            if (!s.steps.isEmpty()) {
                reply.append(zh ? "解题过程：" : " Here is how:");
                for (ReferenceSolution.Step step : s.referenceSteps()) {
                    reply.append(zh ? " " : " ").append(HintLadder.display(step.expression())).append(" = ")
                            .append(Arithmetic.plain(step.result())).append(zh ? "；" : ";");
                }
            }
            return new Decision("reveal", reply.toString().strip(), null, null);
        }
        Decision hint = hint(s, zh ? "我不能直接告诉你答案——自己想出来，你才会真正学会。不过我可以给你一个提示："
                : "I can't just give you the answer - you'll learn much more by getting there yourself. But here is a hint: ");
        return new Decision("refuse-answer", hint.reply(), null, null);
    }

    private static Decision hint(TutorSession s, String prefix) {
        boolean zh = s.zh();
        int pending = s.pendingStep();
        String body;
        if (pending < 0 && s.steps.isEmpty() && !s.variables.isEmpty()) {
            s.hintsUsed++;
            String v = s.variables.keySet().iterator().next();
            body = zh ? "想一想：两边同时做什么运算，可以让 " + v + " 单独留在一边？每次只做一步，然后写给我看。"
                    : "Think about it: what could you do to both sides to get " + v + " on its own? Do one step at a "
                    + "time and show me.";
        } else if (pending < 0 && s.steps.isEmpty()) {
            body = noReference(zh);
        } else if (pending < 0) {
            body = zh ? "你已经求出了所有中间结果。现在把它们合起来，回答题目的问题吧。你的最终答案是多少？"
                    : "You've found every intermediate result. Now put them together to answer the question: "
                    + "what is your final answer?";
        } else {
            s.hintLevel = Math.min(HintLadder.TOP, s.hintLevel + 1);
            s.hintsUsed++;
            body = HintLadder.hint(s.referenceSteps().get(pending), s.hintLevel, pending == 0, s.guard(), zh, s.problem);
        }
        return new Decision("hint", prefix == null ? body : prefix + body, null, null);
    }

    /**
     * The reply as it may be sent: unchanged when it states nothing protected, otherwise cut down to its safe
     * sentences, otherwise a safe fallback (the current hint, or a question with no numbers at all).
     */
    static String guarded(TutorSession s, String reply, String move) {
        if ("reveal".equals(move)) {
            return reply;
        }
        AnswerLeakGuard guard = s.guard();
        if (guard.safe(reply)) {
            return reply;
        }
        // Cut to the safe sentences when most of the reply survives; else the current hint (or a gentler one).
        Optional<String> redacted = guard.redact(reply);
        if (redacted.isPresent() && redacted.get().length() * 2 >= reply.length()) {
            return redacted.get();
        }
        int pending = s.pendingStep();
        if (pending >= 0) {
            for (int rung = Math.max(1, s.hintLevel); rung >= 1; rung--) {
                String hint = HintLadder.hint(s.referenceSteps().get(pending), rung, pending == 0, guard, s.zh(), s.problem);
                if (guard.safe(hint)) {
                    return redacted.map(r -> r + " " + hint).filter(guard::safe).orElse(hint);
                }
            }
        }
        if (redacted.isPresent()) {
            return redacted.get();
        }
        return s.zh() ? "我们一步一步来。你觉得接下来应该先求什么？" : "Let's take it one step at a time. What do you think you should find next?";
    }

    /** The language of a session: the one asked for, else Chinese for a Chinese problem or locale, else English. */
    static String language(String requested, String problem, Locale locale) {
        if ("en".equals(requested) || "zh".equals(requested)) {
            return requested;
        }
        if (problem != null && problem.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "zh";
        }
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh" : "en";
    }
}
