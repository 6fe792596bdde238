package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import reactor.core.publisher.Flux;

/** Each contract check fails on a skill that breaks it and passes on one that keeps it. */
class SkillContractTest {

    /** A skill with the given spec whose run is the given function. */
    private static Skill skill(SkillSpec spec, Function<SkillInput, Flux<SkillEvent>> run) {
        return new Skill() {
            @Override
            public SkillSpec spec() {
                return spec;
            }

            @Override
            public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
                return run.apply(input);
            }
        };
    }

    private static Skill contextSkill(SkillSpec spec, java.util.function.BiFunction<SkillInput, SkillContext,
            Flux<SkillEvent>> run) {
        return new Skill() {
            @Override
            public SkillSpec spec() {
                return spec;
            }

            @Override
            public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
                return run.apply(input, context);
            }
        };
    }

    private static final SkillSpec PDF_READER = SkillSpec.builder("pdf-title")
            .description("Reads a PDF's title.")
            .input(InputSpec.file("file").required().accept("application/pdf").maxBytes(1_000_000))
            .build();

    private static String title(Media file) {
        String text = new String(file.bytes(), StandardCharsets.ISO_8859_1);
        return text.startsWith("%PDF") ? text.lines().findFirst().orElse("") : null;
    }

    /** Gives the file a valid PDF, so only the contract's corrupt file is unusable. */
    private interface PdfContract extends SkillContract {
        @Override
        default SkillHarness withValidInput(SkillHarness harness) {
            return harness.file("file", Media.of("ok.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void specWithContradictionsFailsListingEveryProblem() {
        SkillSpec spec = SkillSpec.builder("messy")
                .input(InputSpec.text("name").required().defaultValue("x"))
                .input(InputSpec.choice("tone", "calm", "loud").defaultValue("shouty"))
                .input(InputSpec.number("count").range(1.0, 5.0).defaultValue(9))
                .input(InputSpec.file("scan").accept("pdf"))
                .input(InputSpec.file("any"))
                .build();
        SkillContract contract = () -> skill(spec, in -> Flux.just(SkillEvent.result(Map.of())));

        assertThatThrownBy(contract::specIsValid)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no description")
                .hasMessageContaining("'name' is required and has a default")
                .hasMessageContaining("default of input 'tone'")
                .hasMessageContaining("default of input 'count'")
                .hasMessageContaining("accepts 'pdf', which is not a media type")
                .hasMessageContaining("file input 'any' accepts any media type");
    }

    @Test
    void specThatChangesOnEachCallFails() {
        SkillContract contract = () -> new Skill() {
            @Override
            public SkillSpec spec() {
                return SkillSpec.builder("fickle").description("d").timeout(java.time.Duration.ofMillis(
                        System.nanoTime() % 1000 + 1)).build();
            }

            @Override
            public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
                return Flux.empty();
            }
        };

        assertThatThrownBy(contract::specIsValid).hasMessageContaining("different spec on each call");
    }

    @Test
    void cleanSpecPasses() {
        SkillContract contract = () -> skill(PDF_READER, in -> Flux.empty());

        assertThatCode(contract::specIsValid).doesNotThrowAnyException();
    }

    @Test
    void corruptFileEndingInNullPointerFailsNamingTheInput() {
        PdfContract contract = () -> skill(PDF_READER,
                in -> Flux.defer(() -> Flux.just(SkillEvent.result(Map.of("title", title(in.file("file").orElseThrow()).strip())))));

        assertThatThrownBy(contract::degenerateInputGivesATypedError)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("input 'file' = a corrupt application/pdf file")
                .hasMessageContaining("NullPointerException");
    }

    @Test
    void corruptFileRefusedWithBadInputPasses() {
        PdfContract contract = () -> skill(PDF_READER, in -> Flux.defer(() -> {
            String title = title(in.file("file").orElseThrow());
            if (title == null) {
                throw new BadInputException("file", "not a PDF");
            }
            return Flux.just(SkillEvent.result(Map.of("title", title)));
        }));

        assertThatCode(contract::degenerateInputGivesATypedError).doesNotThrowAnyException();
        assertThatCode(contract::validInputEndsWithAResultOrATypedError).doesNotThrowAnyException();
    }

    @Test
    void numberAtItsBoundThatDividesByZeroFails() {
        SkillSpec spec = SkillSpec.builder("share").description("d")
                .input(InputSpec.number("people").range(0.0, 10.0).defaultValue(2)).build();
        SkillContract contract = () -> skill(spec, in -> Flux.defer(() ->
                Flux.just(SkillEvent.result(Map.of("each", 100 / in.number("people").orElse(2.0).intValue())))));

        assertThatThrownBy(contract::degenerateInputGivesATypedError)
                .hasMessageContaining("input 'people' = 0.0").hasMessageContaining("ArithmeticException");
    }

    @Test
    void modelCallForAnUndeclaredCapabilityFails() {
        SkillSpec spec = SkillSpec.builder("sneaky").description("d").build();
        SkillContract contract = () -> contextSkill(spec, (in, context) -> Flux.defer(() -> {
            String answer = context.models().chat(new ChatRequest(List.of(ChatMessage.user("hi")), null, null)).text();
            return Flux.just(SkillEvent.result(Map.of("answer", answer)));
        }));

        assertThatThrownBy(contract::validInputEndsWithAResultOrATypedError)
                .hasMessageContaining("called the model for [CHAT]");
    }

    @Test
    void skillThatIgnoresCancellationFails() {
        SkillSpec spec = SkillSpec.builder("stubborn").description("d").build();
        SkillContract contract = () -> skill(spec, in -> Flux.create(sink -> {
            long until = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // deliberately swallowed: this skill does not stop when cancelled
                }
            }
            sink.next(SkillEvent.result(Map.of()));
            sink.complete();
        }));

        assertThatThrownBy(contract::cancellationIsHonoured).hasMessageContaining("still working 2000 ms after");
    }

    @Test
    void skillThatChecksTheSignalPasses() {
        SkillSpec spec = SkillSpec.builder("polite").description("d").build();
        SkillContract contract = () -> contextSkill(spec, (in, context) -> Flux.create(sink -> {
            for (int i = 0; i < 400; i++) {
                context.cancellation().throwIfCancelled();
                long until = System.nanoTime() + 10_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // busy, not sleeping: only the signal can stop it
                }
            }
            sink.next(SkillEvent.result(Map.of()));
            sink.complete();
        }));

        assertThatCode(contract::cancellationIsHonoured).doesNotThrowAnyException();
    }

    @Test
    void skillThatEndsAtOnceSkipsTheCancellationCheck() {
        SkillSpec spec = SkillSpec.builder("quick").description("d").build();
        SkillContract contract = () -> skill(spec, in -> Flux.just(SkillEvent.result(Map.of())));

        assertThatThrownBy(contract::cancellationIsHonoured).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("override withSlowRun");
    }

    @Test
    void requiredFileWithoutValidInputAsksForAnOverride() {
        SkillContract contract = () -> skill(PDF_READER, in -> Flux.empty());

        assertThatThrownBy(contract::validInputEndsWithAResultOrATypedError)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("override withValidInput");
    }

    /** The contract as a plugin uses it: implemented by a test class, run by JUnit. */
    @Nested
    class AppliedToAFixtureSkill implements SkillContract {
        @Override
        public Skill skill() {
            return new dev.atrium.sdk.testkit.fixture.ShoutSkill();
        }
    }
}
