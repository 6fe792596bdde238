package dev.atrium.plugins.education;

import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.StructuredResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remote path of the tutor: a chat model words the move the rules chose (it never decides what is right:
 * the step checker does), and, for a problem without a reference, a structured-output model derives the
 * solution steps, which are kept only if the step checker verifies every one. Drafts are guarded by the caller.
 */
final class RemoteTutor {

    private static final String SYSTEM = """
            You are a patient Socratic tutor for a learner. You NEVER state the final answer or any result the
            learner has not found yet, in any form (digits, words, fractions, percentages, or a calculation written
            out with its result). Reply in %s, in 1-3 short sentences, warm and encouraging, and make exactly the
            one teaching move you are told to make. Ask questions rather than explaining.""";

    /**
     * A drafted reply.
     *
     * @param text the model's words, not yet guarded
     * @param engine provider/model
     */
    record Draft(String text, String engine) {
    }

    /**
     * Solution steps the model derived.
     *
     * @param steps each step as "expression = result", in order
     * @param answer the final answer as a number
     */
    record DerivedSolution(List<String> steps, String answer) {
    }

    private RemoteTutor() {
    }

    static Draft draft(TutorSession s, String message, Tutor.Decision decision, ModelGateway models) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("Problem: ").append(s.problem).append('\n');
        if (!s.steps.isEmpty()) {
            prompt.append("Reference solution (secret, for you only):\n");
            for (ReferenceSolution.Step step : s.referenceSteps()) {
                prompt.append("- ").append(step.sentence()).append('\n');
            }
        }
        List<String> secrets = s.guard().secrets().stream().map(x -> Arithmetic.plain(x.value())).toList();
        if (!secrets.isEmpty()) {
            prompt.append("Never mention these numbers in any form: ").append(String.join(", ", secrets)).append('\n');
        }
        prompt.append("Learner's level: ").append(s.level == null || s.level.isBlank() ? "unknown" : s.level).append('\n');
        prompt.append("Learner says: ").append(message.isEmpty() ? "(nothing yet: the session starts)" : message).append('\n');
        prompt.append("Your move: ").append(decision.move()).append(" - ").append(describe(decision.move())).append('\n');
        if (decision.stepCheck() != null) {
            prompt.append("Step check: ").append(decision.stepCheck()).append('\n');
        }
        prompt.append("A reply that makes this move correctly would be: ").append(decision.reply()).append('\n');
        prompt.append("Write your reply to the learner.");
        ChatResult result = models.chat(new ChatRequest(List.of(
                ChatMessage.system(SYSTEM.formatted(s.zh() ? "Chinese (简体中文)" : "English")),
                ChatMessage.user(prompt.toString())), 0.3, 300));
        String text = result.text() == null ? "" : result.text().strip();
        if (text.isEmpty()) {
            text = decision.reply();
        }
        return new Draft(text, name(result.engine()));
    }

    private static String describe(String move) {
        return switch (move) {
            case "ask" -> "ask what the learner thinks or where to start";
            case "probe" -> "ask the learner to explain how they got their number or idea";
            case "hint" -> "give the hint shown below, no more";
            case "confirm" -> "confirm the learner's correct step and ask what comes next";
            case "locate-error" -> "point at the wrong step and ask them to redo it, without giving the right value";
            case "encourage" -> "encourage the learner and ask an easy question to continue";
            case "refuse-answer" -> "kindly refuse to give the answer and give the hint shown below";
            default -> "";
        };
    }

    /** Steps derived by the model, if every one passes the step checker and the last gives the answer. */
    static Optional<ReferenceSolution> derive(TutorSession s, ModelGateway models) {
        StructuredResult<DerivedSolution> result = models.structured(new ChatRequest(List.of(
                ChatMessage.system("Solve the problem step by step. Each step is one calculation written as "
                        + "'expression = result' using only numbers and + - * / ( ). answer is the final number."),
                ChatMessage.user(s.problem)), 0.0, null), DerivedSolution.class);
        DerivedSolution derived = result.value();
        if (derived == null || derived.steps() == null || derived.steps().isEmpty()) {
            return Optional.empty();
        }
        StepChecker checker = new StepChecker(s.variables);
        List<ReferenceSolution.Step> steps = new ArrayList<>();
        for (String line : derived.steps()) {
            List<StepChecker.Step> checked = checker.check(line);
            if (checked.size() != 1 || !checked.get(0).correct()) {
                return Optional.empty();
            }
            String expression = checked.get(0).text().split("=")[0].strip();
            steps.add(new ReferenceSolution.Step(expression, checked.get(0).claimed(), line.strip()));
        }
        BigDecimal answer = NumberMentions.first(derived.answer() == null ? "" : derived.answer()).orElse(null);
        BigDecimal last = steps.get(steps.size() - 1).result();
        if (answer != null && !Arithmetic.same(answer, last)) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceSolution(steps, last, ""));
    }

    static String name(Engine engine) {
        if (engine == null) {
            return "remote";
        }
        return engine.model().isEmpty() ? engine.provider() : engine.provider() + "/" + engine.model();
    }
}
