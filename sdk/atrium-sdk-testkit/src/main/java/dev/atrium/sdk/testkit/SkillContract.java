package dev.atrium.sdk.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Capability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Contract tests every skill should pass; a plugin's test implements this interface and supplies the skill,
 * so every skill meets the same bar:
 *
 * <ul>
 *   <li>{@link #specIsValid()}: the spec is constant and self-consistent (described, defaults valid for their
 *       input, no required input with a default, file inputs that say which media types they take, well-formed
 *       media types, output names unique);</li>
 *   <li>{@link #validInputEndsWithAResultOrATypedError()}: with valid input and no model (the default
 *       gateway has nothing scripted) the skill ends with its result or an SDK error, and asks only for the
 *       model capabilities its spec declares;</li>
 *   <li>{@link #degenerateInputGivesATypedError()}: input the spec allows but the skill cannot use (a corrupt
 *       file of an accepted type, junk text, numbers at their bounds) ends in success or a
 *       {@link SkillException} such as {@link dev.atrium.sdk.BadInputException}, never a
 *       {@code NullPointerException} or another untyped error the host would show as a 500;</li>
 *   <li>{@link #cancellationIsHonoured()}: cancelled mid-run, the skill stops working within
 *       {@link #cancellationBound()}.</li>
 * </ul>
 *
 * <pre>{@code
 * class EchoSkillContractTest implements SkillContract {
 *     public Skill skill() { return new EchoSkill(); }
 *     public SkillHarness withValidInput(SkillHarness run) { return run.value("text", "hello"); }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface SkillContract {

    /**
     * The skill under test; called once per contract test.
     *
     * @since 0.1
     */
    Skill skill();

    /**
     * Puts valid input on the harness. By default every required non-file input gets a plain value of its
     * type (text, the lowest allowed number, {@code true}, the first option); override it when the skill needs
     * real text, files or settings.
     *
     * @throws IllegalStateException by default, if the skill has a required file input
     * @since 0.1
     */
    default SkillHarness withValidInput(SkillHarness harness) {
        SkillSpec spec = harness.skill().spec();
        for (InputSpec input : spec.inputs()) {
            if (!input.required() || input.defaultValue() != null) {
                continue;
            }
            if (input.type().isFile()) {
                throw new IllegalStateException("skill '" + spec.id() + "' has a required file input '" + input.id()
                        + "': override withValidInput(harness) to give it a file");
            }
            harness.value(input.id(), plainValue(input));
        }
        return harness;
    }

    /**
     * Prepares a run that takes long enough to be cancelled, on top of {@link #withValidInput}. By default
     * every model call waits 30 seconds (see {@link FakeModelGateway#delay}), so a skill that calls a model
     * is cancelled while waiting; a skill that does not may need slower input.
     *
     * @since 0.1
     */
    default SkillHarness withSlowRun(SkillHarness harness) {
        return harness;
    }

    /**
     * Scripts the model gateway of every contract run; by default nothing is scripted, so every capability
     * is unavailable, as on a host without a provider.
     *
     * @since 0.1
     */
    default void scriptModels(FakeModelGateway models) {
    }

    /**
     * File inputs that accept any media type on purpose; the others must declare {@code accept(...)}.
     *
     * @since 0.1
     */
    default Set<String> inputsAcceptingAnyFileType() {
        return Set.of();
    }

    /**
     * How soon after cancellation the skill must have stopped working (default 2 seconds).
     *
     * @since 0.1
     */
    default Duration cancellationBound() {
        return Duration.ofSeconds(2);
    }

    /**
     * Checks the spec without running the skill.
     *
     * @since 0.1
     */
    @Test
    default void specIsValid() {
        Skill skill = skill();
        SkillSpec spec = skill.spec();
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            fail("spec() returned null");
        }
        if (!spec.equals(skill.spec())) {
            problems.add("spec() returns a different spec on each call; the host reads it once and caches it");
        }
        if (spec.description().isBlank()) {
            problems.add("no description: the catalogue and the generated page show it");
        }
        for (InputSpec input : spec.inputs()) {
            problems.addAll(SkillContracts.problemsOf(input, inputsAcceptingAnyFileType()));
        }
        Set<String> outputs = new HashSet<>();
        spec.outputs().forEach(output -> {
            if (!outputs.add(output.kind() + " " + output.name())) {
                problems.add("output " + output.kind() + " '" + output.name() + "' is declared twice");
            }
        });
        for (String id : inputsAcceptingAnyFileType()) {
            if (spec.input(id).filter(i -> i.type().isFile()).isEmpty()) {
                problems.add("inputsAcceptingAnyFileType() names '" + id + "', which is not a file input");
            }
        }
        if (!problems.isEmpty()) {
            fail("spec of skill '" + spec.id() + "' has " + problems.size() + " problem(s):\n- "
                    + String.join("\n- ", problems));
        }
    }

    /**
     * Runs the skill once with {@link #withValidInput} and the contract's gateway.
     *
     * @since 0.1
     */
    @Test
    default void validInputEndsWithAResultOrATypedError() {
        FakeModelGateway models = new FakeModelGateway();
        scriptModels(models);
        SkillRun run = withValidInput(SkillContracts.harness(skill(), models)).run();

        SkillContracts.requireResultOrTypedError("valid input", run);
        Set<Capability> undeclared = EnumSet.noneOf(Capability.class);
        for (FakeModelGateway.Request request : models.requests()) {
            Capability used = SkillContracts.capabilityOf(request);
            if (!skill().spec().capabilities().contains(used)) {
                undeclared.add(used);
            }
        }
        if (!undeclared.isEmpty()) {
            fail("skill '" + skill().spec().id() + "' called the model for " + undeclared
                    + " but its spec declares only " + skill().spec().capabilities()
                    + "; declare them with SkillSpec.Builder.uses(..)");
        }
    }

    /**
     * Runs the skill with each kind of unusable but spec-valid input and collects every untyped failure.
     *
     * @since 0.1
     */
    @Test
    default void degenerateInputGivesATypedError() {
        Skill skill = skill();
        Map<String, UnaryOperator<SkillHarness>> cases = SkillContracts.degenerateCases(skill.spec());
        Assumptions.assumeFalse(cases.isEmpty(), "skill '" + skill.spec().id() + "' has no input to vary");
        List<String> failures = new ArrayList<>();
        Throwable first = null;
        for (Map.Entry<String, UnaryOperator<SkillHarness>> entry : cases.entrySet()) {
            FakeModelGateway models = new FakeModelGateway();
            scriptModels(models);
            SkillRun run = entry.getValue().apply(withValidInput(SkillContracts.harness(skill, models))).run();
            Throwable error = run.error().orElse(null);
            if (error != null && !(error instanceof SkillException)) {
                failures.add(entry.getKey() + " -> " + error);
                first = first == null ? error : first;
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("skill '" + skill.spec().id() + "' failed with an untyped error (the host shows it"
                    + " as an internal error; throw BadInputException or another SkillException instead):\n- "
                    + String.join("\n- ", failures), first);
        }
    }

    /**
     * Cancels a run after 200 ms and checks that the skill stopped within {@link #cancellationBound()}; skipped
     * when the run ends before it can be cancelled.
     *
     * @since 0.1
     */
    @Test
    default void cancellationIsHonoured() throws InterruptedException {
        FakeModelGateway models = new FakeModelGateway();
        scriptModels(models);
        models.delay(Duration.ofSeconds(30));
        SkillHarness harness = withSlowRun(withValidInput(SkillContracts.harness(skill(), models)))
                .cancelAfter(Duration.ofMillis(200));

        SkillRun run = harness.run();

        Assumptions.assumeTrue(run.cancelled(), "skill '" + skill().spec().id()
                + "' ended before it could be cancelled (" + run + "); override withSlowRun(..) to test cancellation");
        if (!run.awaitWorkEnded(cancellationBound())) {
            fail("skill '" + skill().spec().id() + "' was still working " + cancellationBound().toMillis()
                    + " ms after the run was cancelled; check context.cancellation() in loops and between steps,"
                    + " and let InterruptedException end the work");
        }
    }

    private static Object plainValue(InputSpec input) {
        return switch (input.type()) {
            case NUMBER -> input.min() != null ? input.min() : input.max() != null ? Math.min(1.0, input.max()) : 1;
            case BOOLEAN -> true;
            case CHOICE -> input.options().get(0);
            default -> "The quick brown fox jumps over the lazy dog.";
        };
    }
}
