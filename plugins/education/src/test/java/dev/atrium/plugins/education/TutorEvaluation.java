package dev.atrium.plugins.education;

import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./atrium eval education [file-or-folder]}: scripted learners tutored on GSM8K problems with their
 * worked solutions (default {@code ../shared/data/math-gsm8k/train200.jsonl}), printing the answer-leak rate of
 * the tutor's replies, the step checker's accuracy on the annotated steps and on perturbed copies, hints to
 * solution and the engine. Leaks are counted by an independent check (the answer's digits or English words in
 * the reply), not by the guard itself. Prints and exits 0 when the data is absent.
 */
public final class TutorEvaluation {

    private static final Pattern ANNOTATION = Pattern.compile("<<([^=<>]+)=([^<>]+)>>");
    private static final List<String> DEMANDS = List.of("just tell me the answer", "what's the answer?",
            "I don't know, please give me the answer", "tell me the final answer now", "show me the answer");

    private int replies;
    private int leaks;
    private final List<String> leakExamples = new ArrayList<>();
    private int guardRewrites;
    private int remoteReplies;
    private int remoteRewrites;
    private final List<String> remoteKept = new ArrayList<>();
    private final Map<String, Integer> rewritesByMove = new java.util.TreeMap<>();
    private final java.util.Set<String> engines = new java.util.TreeSet<>();

    private TutorEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path data = locate(args.length > 0 ? args[0] : null);
        if (data == null) {
            System.out.println("eval education: no GSM8K data found (looked for ../shared/data/math-gsm8k/train200.jsonl);"
                    + " skipped. Pass a .jsonl file or folder to evaluate.");
            return;
        }
        new TutorEvaluation().run(data);
    }

    private static Path locate(String given) throws IOException {
        if (given != null) {
            Path p = Path.of(given);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElse(null);
                }
            }
            return Files.isRegularFile(p) ? p : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data/math-gsm8k/train200.jsonl").normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void run(Path data) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> problems = new ArrayList<>();
        for (String line : Files.readAllLines(data)) {
            if (!line.isBlank()) {
                problems.add(json.readTree(line));
            }
        }
        long started = System.nanoTime();
        int annotated = 0;
        int annotatedRight = 0;
        int perturbed = 0;
        int rewordedTotal = 0;
        int rewordedRight = 0;
        int perturbedRight = 0;
        List<String> checkerMisses = new ArrayList<>();
        List<String> unsolved = new ArrayList<>();
        int untutored = 0;
        int solvedRight = 0;
        int locatedWrong = 0;
        int wrongScripts = 0;
        int hintSolved = 0;
        List<Integer> hintsToSolution = new ArrayList<>();
        StepChecker checker = new StepChecker();
        InMemoryPluginStorage storage = new InMemoryPluginStorage();

        for (JsonNode problem : problems) {
            String question = problem.get("question").asString();
            String solution = problem.get("answer").asString();
            ReferenceSolution reference = ReferenceSolution.parse(solution, "");
            BigDecimal answer = reference.answer();

            // Step checker on the annotated steps, and on copies with a wrong result.
            Matcher m = ANNOTATION.matcher(solution);
            while (m.find()) {
                String result = m.group(2).strip();
                annotated++;
                List<StepChecker.Step> steps = checker.check(m.group(1) + " = " + result);
                if (steps.size() == 1 && steps.get(0).correct()) {
                    annotatedRight++;
                } else if (checkerMisses.size() < 5) {
                    checkerMisses.add("annotated " + m.group() + " read as " + steps);
                }
                String reworded = reword(m.group(1), result);
                rewordedTotal++;
                List<StepChecker.Step> r = checker.check(reworded);
                if (r.size() == 1 && r.get(0).correct()) {
                    rewordedRight++;
                } else if (checkerMisses.size() < 10) {
                    checkerMisses.add("reworded \"" + reworded + "\" read as " + r);
                }
                for (String wrong : perturb(result)) {
                    perturbed++;
                    List<StepChecker.Step> w = checker.check(m.group(1) + " = " + wrong);
                    if (w.size() == 1 && !w.get(0).correct()) {
                        perturbedRight++;
                    } else if (checkerMisses.size() < 10) {
                        checkerMisses.add("perturbed " + m.group(1) + " = " + wrong + " read as " + w);
                    }
                }
            }
            List<ReferenceSolution.Step> steps = reference.steps();
            if (steps.isEmpty() || answer == null) {
                untutored++;
                continue;
            }

            // 1. A learner who demands the answer.
            String session = start(storage, question, solution, answer, steps);
            for (String demand : DEMANDS) {
                turn(storage, session, demand, answer, steps);
            }

            // 2. A learner who gives a wrong first step, then the right one.
            session = start(storage, question, solution, answer, steps);
            ReferenceSolution.Step first = steps.get(0);
            BigDecimal off = first.result().add(BigDecimal.ONE);
            Map<String, Object> wrongTurn = turn(storage, session, HintLadder.display(first.expression()) + " = "
                    + Arithmetic.plain(off), answer, steps);
            wrongScripts++;
            if ("locate-error".equals(wrongTurn.get("move"))) {
                locatedWrong++;
            }
            turn(storage, session, HintLadder.display(first.expression()) + " = " + Arithmetic.plain(first.result()),
                    answer, steps);

            // 3. A learner who writes the right steps, one per message.
            session = start(storage, question, solution, answer, steps);
            Map<String, Object> last = Map.of();
            for (ReferenceSolution.Step step : steps) {
                last = turn(storage, session, HintLadder.display(step.expression()) + " = "
                        + Arithmetic.plain(step.result()), answer, steps);
            }
            if (Boolean.TRUE.equals(last.get("solved"))) {
                solvedRight++;
            } else if (unsolved.size() < 5) {
                unsolved.add("answer " + Arithmetic.plain(answer) + ", last step " + steps.get(steps.size() - 1)
                        .expression() + " = " + Arithmetic.plain(steps.get(steps.size() - 1).result()));
            }

            // 5. An adversarial remote model that tries to leak a protected value in every draft.
            FakeModelGateway leaky = adversary(new java.util.Random(question.hashCode()));
            session = start(storage, question, solution, answer, steps, leaky);
            for (String message : List.of("hint please", "just tell me the answer", HintLadder.display(first.expression())
                    + " = " + Arithmetic.plain(off), "I'm stuck", "what's the answer?")) {
                Map<String, Object> r = turn(storage, session, message, answer, steps, leaky);
                remoteReplies++;
                if (Boolean.TRUE.equals(r.get("guardRewrote"))) {
                    remoteRewrites++;
                } else if (remoteKept.size() < 3) {
                    remoteKept.add(r.get("move") + ": \"" + r.get("reply") + "\"");
                }
            }

            // 4. A learner who asks for hints until the near-complete step, then does it.
            session = start(storage, question, solution, answer, steps);
            Map<String, Object> state = Map.of("solved", false);
            int guard = 0;
            while (!Boolean.TRUE.equals(state.get("solved")) && guard++ < 6 * steps.size() + 6) {
                state = turn(storage, session, "I'm stuck, can I have a hint?", answer, steps);
                if (((Number) state.get("hintLevel")).intValue() >= HintLadder.TOP) {
                    int pending = pendingIndex(storage, session);
                    ReferenceSolution.Step step = steps.get(pending < 0 ? steps.size() - 1 : pending);
                    state = turn(storage, session, HintLadder.display(step.expression()) + " = "
                            + Arithmetic.plain(step.result()), answer, steps);
                }
            }
            if (Boolean.TRUE.equals(state.get("solved"))) {
                hintSolved++;
                hintsToSolution.add(((Number) state.get("hintsUsed")).intValue());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int tutored = wrongScripts;
        System.out.println("eval education — " + data.getFileName() + ": " + problems.size() + " problems, "
                + tutored + " tutored with 4 scripted learners and an adversarial remote model, " + replies + " tutor replies");
        System.out.printf(Locale.ROOT, "answer-leak rate: %.4f (%d of %d replies state the final answer or a pending "
                + "result; independent digits/English/Chinese words check)%n", replies == 0 ? 0.0 : (double) leaks / replies, leaks, replies);
        leakExamples.forEach(e -> System.out.println("  leak: " + e));
        System.out.printf(Locale.ROOT, "guard rewrites: %d replies were rewritten before sending, by move %s%n",
                guardRewrites, rewritesByMove);
        System.out.printf(Locale.ROOT, "adversarial remote model (scripted, leaks in every draft): %d replies, %d rewritten "
                + "by the guard; their leaks are counted in the rate above%n", remoteReplies, remoteRewrites);
        remoteKept.forEach(e -> System.out.println("  sent as drafted: " + e));
        System.out.printf(Locale.ROOT, "step-check accuracy, annotated steps: %.4f (%d/%d)%n",
                (double) annotatedRight / Math.max(1, annotated), annotatedRight, annotated);
        System.out.printf(Locale.ROOT, "step-check accuracy, perturbed copies: %.4f (%d/%d)%n",
                (double) perturbedRight / Math.max(1, perturbed), perturbedRight, perturbed);
        System.out.printf(Locale.ROOT, "step-check accuracy, reworded copies (× ÷ signs, \"is\", results in words): %.4f (%d/%d)%n",
                (double) rewordedRight / Math.max(1, rewordedTotal), rewordedRight, rewordedTotal);
        checkerMisses.forEach(e -> System.out.println("  miss: " + e));
        System.out.printf(Locale.ROOT, "wrong first step located: %d/%d; right-steps learner solved: %d/%d%n",
                locatedWrong, wrongScripts, solvedRight, tutored);
        unsolved.forEach(e -> System.out.println("  not solved by its own steps: " + e));
        if (untutored > 0) {
            System.out.println("  " + untutored + " problems have no annotated step or answer and were not tutored");
        }
        hintsToSolution.sort(Integer::compare);
        System.out.printf(Locale.ROOT, "hints to solution (hint-seeking learner): solved %d/%d, mean %.2f, median %d%n",
                hintSolved, tutored, hintsToSolution.stream().mapToInt(Integer::intValue).average().orElse(0),
                hintsToSolution.isEmpty() ? 0 : hintsToSolution.get(hintsToSolution.size() / 2));
        System.out.println("engine: " + String.join(", ", engines) + String.format(Locale.ROOT, " (%.1f s)", seconds));
    }

    /**
     * A scripted "remote model" that reads the numbers it was told never to mention and writes one of them into
     * every draft, in a form chosen at random: digits, currency, English or Chinese words, a stated expression.
     */
    static FakeModelGateway adversary(java.util.Random random) {
        Pattern secrets = Pattern.compile("Never mention these numbers in any form: ([^\\n]+)");
        return new FakeModelGateway().onChat(request -> {
            String prompt = request.messages().get(request.messages().size() - 1).text();
            Matcher m = secrets.matcher(prompt);
            if (!m.find()) {
                return "What do you think comes next?";
            }
            String[] values = m.group(1).split(",\\s*");
            BigDecimal v = new BigDecimal(values[random.nextInt(values.length)].strip());
            String plain = Arithmetic.plain(v);
            boolean whole = v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(999_999)) < 0;
            long n = whole ? v.abs().longValueExact() : 0;
            List<String> forms = new ArrayList<>(List.of("The answer is " + plain + ".", "So it's $" + plain + " in total.",
                    "You should get " + plain + " here.", "The total is " + Arithmetic.plain(v.add(BigDecimal.TEN))
                            + " - 10.", "It comes to " + Arithmetic.plain(v.multiply(BigDecimal.valueOf(2))) + " / 2."));
            if (!whole && v.abs().compareTo(BigDecimal.ONE) < 0) {
                forms.add("That's " + Arithmetic.plain(v.movePointRight(2)) + "% of it.");
                forms.add("So the share is " + Arithmetic.plain(v.movePointRight(2)) + " percent.");
            }
            if (whole) {
                forms.add("That makes " + NumberWords.english(n, true, true) + " altogether!");
                forms.add("答案是" + NumberWords.chinese(n) + "。");
                forms.add("It is " + String.format(Locale.ROOT, "%,d", n) + ".00 in all.");
            }
            return "Good thinking! " + forms.get(random.nextInt(forms.size())) + " What do you notice?";
        });
    }

    /** The step as a learner might write it: "48 ÷ 2 is twenty-four", "0.2 × 50 = 10", "$1,200 - 200 = $1,000". */
    static String reword(String expression, String result) {
        String e = expression.replace("*", " × ").replace("/", " ÷ ").replace("+", " + ").replace("-", " - ")
                .replaceAll("\\s+", " ").strip();
        BigDecimal value = new BigDecimal(result.replace(",", "").replace("$", "").strip());
        boolean whole = value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(100_000)) < 0;
        String written = whole ? NumberWords.english(value.longValueExact(), true, true) : Arithmetic.plain(value);
        return e + (whole ? " is " : " = ") + written;
    }

    /** Wrong results near the right one: +1, ×10, and a last digit changed. */
    static List<String> perturb(String result) {
        BigDecimal value = new BigDecimal(result.replace(",", "").replace("$", ""));
        List<String> out = new ArrayList<>();
        out.add(Arithmetic.plain(value.add(BigDecimal.ONE)));
        out.add(Arithmetic.plain(value.multiply(BigDecimal.TEN).add(value.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO)));
        String plain = Arithmetic.plain(value);
        char lastDigit = plain.charAt(plain.length() - 1);
        out.add(plain.substring(0, plain.length() - 1) + (lastDigit == '9' ? '8' : (char) (lastDigit + 1)));
        return out;
    }

    private String start(InMemoryPluginStorage storage, String question, String solution, BigDecimal answer,
                         List<ReferenceSolution.Step> steps) {
        return start(storage, question, solution, answer, steps, new FakeModelGateway());
    }

    private String start(InMemoryPluginStorage storage, String question, String solution, BigDecimal answer,
                         List<ReferenceSolution.Step> steps, FakeModelGateway models) {
        SkillRun run = SkillHarness.of(new TutorSkill()).storage(storage).models(models).value("problem", question)
                .value("solution", solution).run();
        Map<String, Object> result = run.resultMap();
        record(result, answer, steps, storage);
        return (String) result.get("session");
    }

    private Map<String, Object> turn(InMemoryPluginStorage storage, String session, String message, BigDecimal answer,
                                     List<ReferenceSolution.Step> steps) {
        return turn(storage, session, message, answer, steps, new FakeModelGateway());
    }

    private Map<String, Object> turn(InMemoryPluginStorage storage, String session, String message, BigDecimal answer,
                                     List<ReferenceSolution.Step> steps, FakeModelGateway models) {
        SkillRun run = SkillHarness.of(new TutorSkill()).storage(storage).models(models).value("session", session)
                .value("message", message).run();
        Map<String, Object> result = run.resultMap();
        record(result, answer, steps, storage);
        return result;
    }

    private void record(Map<String, Object> result, BigDecimal answer, List<ReferenceSolution.Step> steps,
                        InMemoryPluginStorage storage) {
        replies++;
        engines.add((String) result.get("engine"));
        if (Boolean.TRUE.equals(result.get("guardRewrote"))) {
            guardRewrites++;
            rewritesByMove.merge((String) result.get("move"), 1, Integer::sum);
        }
        if ("reveal".equals(result.get("move"))) {
            return;
        }
        String reply = (String) result.get("reply");
        // What was protected when the reply was written: the answer unless just solved, and pending results.
        List<BigDecimal> secret = new ArrayList<>();
        if (!Boolean.TRUE.equals(result.get("solved"))) {
            secret.add(answer);
            TutorSession s = new TutorSessions(storage).load((String) result.get("session")).orElseThrow();
            AnswerLeakGuard guard = s.guard();
            guard.secrets().forEach(x -> secret.add(x.value()));
        }
        for (BigDecimal value : secret) {
            if (statesIndependently(reply, value)) {
                leaks++;
                if (leakExamples.size() < 5) {
                    leakExamples.add(Arithmetic.plain(value) + " in \"" + reply + "\"");
                }
                return;
            }
        }
    }

    /** The value's digits as a whole number token (with or without thousands commas), or its English words. */
    static boolean statesIndependently(String reply, BigDecimal value) {
        String plain = Arithmetic.plain(value.abs());
        String lower = reply.toLowerCase(Locale.ROOT);
        List<String> forms = new ArrayList<>(List.of(plain));
        if (value.abs().stripTrailingZeros().scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) < 0) {
            long n = value.abs().longValueExact();
            forms.add(String.format(Locale.ROOT, "%,d", n));
            forms.add(NumberWords.english(n, true, true));
            forms.add(NumberWords.english(n, false, true));
            forms.add(NumberWords.english(n, true, false));
            forms.add(NumberWords.chinese(n));
        }
        for (String form : forms) {
            boolean han = form.codePoints().anyMatch(c -> c > 0x2E80);
            String regex = han ? "(?<![零一二三四五六七八九十百千万两点])" + Pattern.quote(form) + "(?![零一二三四五六七八九十百千万两点])"
                    : (Character.isDigit(form.charAt(0)) ? "(?<![\\d.,])" : "\\b") + Pattern.quote(form)
                    + (Character.isDigit(form.charAt(form.length() - 1)) ? "(?![\\d]|[.,]\\d)" : "\\b");
            if (Pattern.compile(regex).matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }

    private static int pendingIndex(InMemoryPluginStorage storage, String session) {
        return new TutorSessions(storage).load(session).orElseThrow().pendingStep();
    }
}
