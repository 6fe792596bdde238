package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one tutoring session, kept as JSON in the plugin storage between runs: the problem and its
 * reference solution, where the learner is (steps found, hint level, attempts), the teacher's policy, and the
 * transcript with safety flags for the teacher view. Public fields, so the stored form is plain to read.
 */
final class TutorSession {

    /** One line of the transcript. */
    public static final class Turn {
        public String role;
        public String text;
        public String move;
        public String at;

        public Turn() {
        }

        Turn(String role, String text, String move, String at) {
            this.role = role;
            this.text = text;
            this.move = move;
            this.at = at;
        }
    }

    /** A message flagged for the teacher. */
    public static final class Flag {
        public String kind;
        public String message;
        public int turn;
        public String at;

        public Flag() {
        }

        Flag(String kind, String message, int turn, String at) {
            this.kind = kind;
            this.message = message;
            this.turn = turn;
            this.at = at;
        }
    }

    /** A reference step as stored. */
    public static final class Step {
        public String expression;
        public BigDecimal result;
        public String sentence;

        public Step() {
        }

        Step(ReferenceSolution.Step step) {
            this.expression = step.expression();
            this.result = step.result();
            this.sentence = step.sentence();
        }

        ReferenceSolution.Step toStep() {
            return new ReferenceSolution.Step(expression, result, sentence);
        }
    }

    public String id;
    public String learner;
    public String created;
    public String language;
    public String subject;
    public String level;
    public String problem;
    /** Where the steps come from: {@code teacher}, {@code derived} (remote model, verified) or {@code none}. */
    public String reference = "none";
    public List<Step> steps = new ArrayList<>();
    public BigDecimal answer;
    public String answerText = "";
    /** Unknowns of an equation problem with their values ("x" → 7). */
    public Map<String, BigDecimal> variables = new LinkedHashMap<>();
    /** Reveal the answer after this many wrong attempts; null never. */
    public Integer revealAfter;

    public Set<Integer> done = new LinkedHashSet<>();
    public int hintLevel;
    public int hintsUsed;
    public int attempts;
    public boolean solved;
    public boolean revealed;
    public int leaksBlocked;
    public List<Turn> transcript = new ArrayList<>();
    public List<Flag> flags = new ArrayList<>();

    public TutorSession() {
    }

    boolean zh() {
        return "zh".equals(language);
    }

    List<ReferenceSolution.Step> referenceSteps() {
        return steps.stream().map(Step::toStep).toList();
    }

    /** The first step not found yet, or -1 when all are. */
    int pendingStep() {
        for (int i = 0; i < steps.size(); i++) {
            if (!done.contains(i)) {
                return i;
            }
        }
        return -1;
    }

    /** What the guard must keep secret now: the answer, and results not found yet that the problem does not give. */
    AnswerLeakGuard guard() {
        List<AnswerLeakGuard.Secret> secrets = new ArrayList<>();
        if (solved || revealed) {
            return new AnswerLeakGuard(secrets);
        }
        if (answer != null) {
            secrets.add(new AnswerLeakGuard.Secret(answer, "final answer"));
        }
        List<BigDecimal> given = NumberMentions.find(NumberMentions.fold(problem == null ? "" : problem)).stream()
                .map(NumberMentions.Mention::value).toList();
        for (int i = 0; i < steps.size(); i++) {
            BigDecimal result = steps.get(i).result;
            if (done.contains(i) || result == null || given.stream().anyMatch(g -> Arithmetic.same(g, result))) {
                continue;
            }
            secrets.add(new AnswerLeakGuard.Secret(result, "result of step " + (i + 1)));
        }
        return new AnswerLeakGuard(secrets);
    }
}
