package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.UnsupportedMediaException;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Workbook;
import dev.atrium.sdk.text.TextKit;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class SkillHarnessTest {

    /** A skill whose spec and behaviour each test chooses. */
    private static Skill skill(SkillSpec spec, BiFunction<SkillInput, SkillContext, Flux<SkillEvent>> body) {
        return new Skill() {
            @Override
            public SkillSpec spec() {
                return spec;
            }

            @Override
            public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
                return body.apply(input, context);
            }
        };
    }

    private static final SkillSpec GREET = SkillSpec.builder("greet")
            .input(InputSpec.text("name").required())
            .input(InputSpec.number("times").range(1.0, 5.0).defaultValue(1))
            .input(InputSpec.choice("tone", "formal", "casual").defaultValue("formal"))
            .input(InputSpec.bool("loud"))
            .build();

    /** Returns the values it received, so tests see what validation passed on. */
    private static final Skill GREET_SKILL = skill(GREET,
            (input, context) -> Flux.just(SkillEvent.result(new LinkedHashMap<>(input.values()))));

    private static final SkillSpec SCAN = SkillSpec.builder("scan")
            .input(InputSpec.files("photos").accept("image/*").maxBytes(10).maxFiles(2))
            .build();

    private static final Skill SCAN_SKILL = skill(SCAN, (input, context) -> Flux.just(SkillEvent.result(
            input.files("photos").stream().map(Media::name).toList())));

    private static final SkillSpec NO_INPUTS = SkillSpec.builder("plain").build();

    // ---- input validation --------------------------------------------------------------------------------

    @Test
    void givenValuesReachTheSkillAndMissingOnesGetTheirDefaults() {
        SkillRun run = SkillHarness.of(GREET_SKILL).value("name", "Ada").value("loud", true).run();

        assertThat(run.succeeded()).isTrue();
        assertThat(run.resultMap()).containsOnly(
                Map.entry("name", "Ada"), Map.entry("times", 1L), Map.entry("tone", "formal"), Map.entry("loud", true));
    }

    @Test
    void missingRequiredValueIsABadInputNamingIt() {
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("name"));
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "  ").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("name"));
    }

    @Test
    void numberOutsideItsRangeIsABadInputNamingIt() {
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", 6).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).contains("times");
                    assertThat(e.getMessage()).contains("at most 5.0");
                });
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", "0.5").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.getMessage()).contains("at least"));
    }

    @Test
    void numbersReachTheSkillAsLongWhenWholeAndDoubleOtherwiseAsOnTheHost() {
        assertThat(SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", " 3 ").run().resultMap())
                .containsEntry("times", 3L);
        assertThat(SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", 2.0f).run().resultMap())
                .containsEntry("times", 2L);
        assertThat(SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", "2.5").run().resultMap())
                .containsEntry("times", 2.5);
    }

    @Test
    void textValuesReachTheSkillAsStrings() {
        assertThat(SkillHarness.of(GREET_SKILL).value("name", 42).run().resultMap()).containsEntry("name", "42");
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", List.of("a")).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("name"));
    }

    @Test
    void valueThatIsNotANumberIsABadInputNamingIt() {
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", "lots").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("times"));
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("times", Double.NaN).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("times"));
    }

    @Test
    void choiceOutsideItsOptionsIsABadInputNamingIt() {
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("tone", "rude").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).contains("tone");
                    assertThat(e.getMessage()).contains("formal", "casual");
                });
    }

    @Test
    void booleanIsTakenAsTrueFalseOnOffOrOneZeroAndAnythingElseIsABadInput() {
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("loud", "yes").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("loud"));
        assertThat(SkillHarness.of(GREET_SKILL).value("name", "Ada").value("loud", "FALSE").run().resultMap())
                .containsEntry("loud", false);
        assertThat(SkillHarness.of(GREET_SKILL).value("name", "Ada").value("loud", "on").run().resultMap())
                .containsEntry("loud", true);
    }

    @Test
    void undeclaredInputIsABadInputSoTyposDoNotPassSilently() {
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada").value("nmae", "x").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("nmae"));
    }

    @Test
    void settingAValueToNullRemovesIt() {
        SkillHarness harness = SkillHarness.of(GREET_SKILL).value("name", "Ada");
        harness.value("name", null);

        assertThatThrownBy(harness::run).isInstanceOf(BadInputException.class);
    }

    @Test
    void acceptedFilesReachTheSkillInOrder() {
        SkillRun run = SkillHarness.of(SCAN_SKILL)
                .file("photos", Media.of("a.png", "image/png", new byte[3]))
                .file("photos", Media.of("b.jpg", "IMAGE/JPEG", new byte[10]))
                .run();

        assertThat(run.result()).isEqualTo(List.of("a.png", "b.jpg"));
    }

    @Test
    void fileOfAMediaTypeTheInputDoesNotAcceptIsUnsupportedMediaNamingTheInput() {
        assertThatThrownBy(() -> SkillHarness.of(SCAN_SKILL)
                .file("photos", Media.of("a.pdf", "application/pdf", new byte[1])).run())
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("'photos'")
                .hasMessageContaining("application/pdf")
                .hasMessageContaining("image/*");
    }

    @Test
    void fileOverTheSizeLimitIsABadInputNamingTheInput() {
        assertThatThrownBy(() -> SkillHarness.of(SCAN_SKILL)
                .file("photos", Media.of("big.png", "image/png", new byte[11])).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).contains("photos");
                    assertThat(e.getMessage()).contains("big.png", "11 bytes", "10 bytes");
                });
    }

    @Test
    void moreFilesThanTheInputTakesIsABadInput() {
        Media png = Media.of("a.png", "image/png", new byte[1]);

        assertThatThrownBy(() -> SkillHarness.of(SCAN_SKILL).file("photos", png).file("photos", png)
                .file("photos", png).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.getMessage()).contains("at most 2"));
    }

    @Test
    void valueForAFileInputAndFileForAValueInputAreBadInputs() {
        assertThatThrownBy(() -> SkillHarness.of(SCAN_SKILL).value("photos", "a.png").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("photos"));
        assertThatThrownBy(() -> SkillHarness.of(GREET_SKILL).value("name", "Ada")
                .file("tone", Media.ofText("t.txt", "text/plain", "formal")).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("tone"));
    }

    @Test
    void requiredFileInputWithoutAFileIsABadInput() {
        Skill needsFile = skill(SkillSpec.builder("read").input(InputSpec.file("doc").required()).build(),
                (input, context) -> Flux.just(SkillEvent.result("read")));

        assertThatThrownBy(() -> SkillHarness.of(needsFile).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("doc"));
    }

    // ---- events ----------------------------------------------------------------------------------------

    @Test
    void eventsAreCollectedInOrderWithContextProgressMergedWhereItWasReported() {
        Skill skill = skill(NO_INPUTS, (input, context) -> Flux.create(sink -> {
            sink.next(SkillEvent.progress(10, "start"));
            context.progress(50, "halfway");
            sink.next(SkillEvent.delta("Hello, "));
            sink.next(SkillEvent.warning("mind the gap"));
            sink.next(SkillEvent.delta("world"));
            context.progress(150, "over the top");
            sink.next(SkillEvent.artifact(Media.ofText("out.txt", "text/plain", "Hello, world")));
            sink.next(SkillEvent.result(Map.of("ok", true)));
            sink.complete();
        }));

        SkillRun run = SkillHarness.of(skill).run();

        assertThat(run.events()).hasSize(8);
        assertThat(run.events().get(1)).isEqualTo(new SkillEvent.Progress(50, "halfway"));
        assertThat(run.progress()).extracting(SkillEvent.Progress::percent).containsExactly(10, 50, 100);
        assertThat(run.deltas()).containsExactly("Hello, ", "world");
        assertThat(run.text()).isEqualTo("Hello, world");
        assertThat(run.warnings()).containsExactly("mind the gap");
        assertThat(run.artifacts()).extracting(Media::name).containsExactly("out.txt");
        assertThat(run.artifact("out.txt").text()).isEqualTo("Hello, world");
        assertThat(run.resultMap()).containsEntry("ok", true);
        assertThat(run.error()).isEmpty();
        assertThat(run.cancelled()).isFalse();
    }

    @Test
    void askingForAMissingArtifactNamesTheOnesThereAre() {
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(
                SkillEvent.artifact(Media.ofText("a.txt", "text/plain", "a")), SkillEvent.result("done")))).run();

        assertThatThrownBy(() -> run.artifact("b.txt"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("b.txt").hasMessageContaining("a.txt");
    }

    @Test
    void recordResultCanBeReadAsItsType() {
        record Total(int sum) {
        }
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(
                SkillEvent.result(new Total(3))))).run();

        assertThat(run.result(Total.class).sum()).isEqualTo(3);
        assertThatThrownBy(run::resultMap).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a map");
    }

    @Test
    void errorOfTheSkillIsReportedInTheRunAndExplainsAMissingResult() {
        Skill failing = skill(NO_INPUTS, (input, context) -> Flux.concat(
                Flux.just(SkillEvent.progress(10, "calling the model")),
                Flux.error(new ProviderException("the provider said no"))));

        SkillRun run = SkillHarness.of(failing).run();

        assertThat(run.progress()).hasSize(1);
        assertThat(run.error()).containsInstanceOf(ProviderException.class);
        assertThat(run.succeeded()).isFalse();
        assertThatThrownBy(run::result).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the provider said no").hasCauseInstanceOf(ProviderException.class);
    }

    @Test
    void exceptionThrownByRunItselfIsReportedLikeAnErrorSignal() {
        Skill throwing = skill(NO_INPUTS, (input, context) -> {
            throw new BadInputException("file", "corrupt PDF");
        });

        SkillRun run = SkillHarness.of(throwing).run();

        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(BadInputException.class)
                .hasMessage("corrupt PDF"));
    }

    @Test
    void streamWithoutAResultBreaksTheContract() {
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.delta("hi"))))
                .run();

        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a Result"));
    }

    @Test
    void twoResultsOrEventsAfterTheResultBreakTheContract() {
        SkillRun twice = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(
                SkillEvent.result(1), SkillEvent.result(2)))).run();
        SkillRun late = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(
                SkillEvent.result(1), SkillEvent.progress(100, "done")))).run();

        assertThat(twice.error()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("2 Result events"));
        assertThat(late.error()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("after its Result"));
    }

    @Test
    void resultThatWouldBeWrittenAsAnEmptyJsonObjectBreaksTheContract() {
        SkillRun stream = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(
                SkillEvent.result(Map.of("stream", InputStream.nullInputStream()))))).run();
        SkillRun media = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(
                SkillEvent.result(Map.of("file", Media.ofText("a.txt", "text/plain", "a")))))).run();

        assertThat(stream.error()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("cannot be written as JSON"));
        assertThat(media.error()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("cannot be written as JSON"));
    }

    @Test
    void resultOfMapsListsRecordsAndScalarsIsAccepted() {
        record Line(String item, double price) {
        }
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.result(Map.of(
                "lines", List.of(new Line("tea", 2.5)), "count", 1, "paid", true, "empty", Map.of()))))).run();

        assertThat(run.succeeded()).isTrue();
    }

    // ---- time limit and cancellation -----------------------------------------------------------------------

    @Test
    void runThatTakesLongerThanTheTimeoutEndsWithATimeoutAndSetsTheSignal() {
        AtomicBoolean signalled = new AtomicBoolean();
        Skill hanging = skill(NO_INPUTS, (input, context) -> {
            context.cancellation().onCancel(() -> signalled.set(true));
            return Flux.concat(Flux.just(SkillEvent.progress(5, "waiting")), Flux.never());
        });

        SkillRun run = SkillHarness.of(hanging).timeout(Duration.ofMillis(200)).run();

        assertThat(run.error()).containsInstanceOf(SkillTimeoutException.class);
        assertThat(run.cancelled()).isFalse();
        assertThat(run.progress()).hasSize(1);
        assertThat(signalled).isTrue();
    }

    @Test
    void shorterTimeoutDeclaredByTheSpecApplies() {
        Skill hanging = skill(SkillSpec.builder("slow").timeout(Duration.ofMillis(150)).build(),
                (input, context) -> Flux.never());

        long start = System.nanoTime();
        SkillRun run = SkillHarness.of(hanging).run();

        assertThat(run.error()).containsInstanceOf(SkillTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void cancelAfterSetsTheSignalStopsTheRunAndKeepsEarlierEvents() {
        AtomicBoolean actionRan = new AtomicBoolean();
        Skill blocking = skill(NO_INPUTS, (input, context) -> Flux.create(sink -> {
            context.cancellation().onCancel(() -> actionRan.set(true));
            sink.next(SkillEvent.progress(1, "working"));
            try {
                while (!context.cancellation().isCancelled()) {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.next(SkillEvent.delta("too late"));
            context.cancellation().throwIfCancelled();
        }));

        SkillRun run = SkillHarness.of(blocking).cancelAfter(Duration.ofMillis(100)).run();

        assertThat(run.cancelled()).isTrue();
        assertThat(run.error()).containsInstanceOf(RunCancelledException.class);
        assertThat(run.progress()).hasSize(1);
        assertThat(run.deltas()).isEmpty();
        assertThat(actionRan).isTrue();
        assertThat(run.succeeded()).isFalse();
    }

    @Test
    void cancelAfterDisposesAStreamThatNeverChecksTheSignal() throws InterruptedException {
        CountDownLatch disposed = new CountDownLatch(1);
        Skill ticking = skill(NO_INPUTS, (input, context) -> Flux.interval(Duration.ofMillis(10))
                .map(i -> SkillEvent.delta(i + " "))
                .doOnCancel(disposed::countDown));

        SkillRun run = SkillHarness.of(ticking).cancelAfter(Duration.ofMillis(50)).run();

        assertThat(run.cancelled()).isTrue();
        assertThat(disposed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void timeoutShorterThanCancelAfterWins() {
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.never()))
                .timeout(Duration.ofMillis(100)).cancelAfter(Duration.ofSeconds(5)).run();

        assertThat(run.cancelled()).isFalse();
        assertThat(run.error()).containsInstanceOf(SkillTimeoutException.class);
    }

    @Test
    void cancelAfterLongerThanTheRunLeavesTheTimeoutIntact() {
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.result("done"))
                        .delayElements(Duration.ofMillis(100))))
                .timeout(Duration.ofSeconds(5)).cancelAfter(Duration.ofSeconds(10)).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
    }

    @Test
    void runThatEndsBeforeCancelAfterIsNotCancelled() {
        SkillRun run = SkillHarness.of(skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.result("done"))))
                .cancelAfter(Duration.ofSeconds(5)).run();

        assertThat(run.cancelled()).isFalse();
        assertThat(run.result()).isEqualTo("done");
    }

    // ---- context -----------------------------------------------------------------------------------------

    @Test
    void contextCarriesTheConfiguredFactsAndRunsTheSkillOffTheTestThread() {
        AtomicReference<SkillContext> seen = new AtomicReference<>();
        AtomicReference<Thread> thread = new AtomicReference<>();
        Clock fixed = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
        Skill skill = skill(NO_INPUTS, (input, context) -> {
            seen.set(context);
            thread.set(Thread.currentThread());
            return Flux.just(SkillEvent.result(Map.of(
                    "now", context.clock().instant().toString(),
                    "key", context.settings().get("api-key", "none"))));
        });

        SkillRun run = SkillHarness.of(skill).setting("api-key", "secret").clock(fixed).locale(Locale.CHINA)
                .pluginId("hello").tenantId("acme").userId("ada").run();

        assertThat(run.resultMap()).containsEntry("now", "2025-01-02T03:04:05Z").containsEntry("key", "secret");
        SkillContext context = seen.get();
        assertThat(context.skillId()).isEqualTo("plain");
        assertThat(context.pluginId()).isEqualTo("hello");
        assertThat(context.tenantId()).isEqualTo("acme");
        assertThat(context.userId()).isEqualTo("ada");
        assertThat(context.locale()).isEqualTo(Locale.CHINA);
        assertThat(context.runId()).isNotBlank();
        assertThat(context.logger()).isNotNull();
        assertThat(thread.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void storageSurvivesAcrossRunsOfOneHarness() {
        Skill counter = skill(NO_INPUTS, (input, context) -> {
            int count = context.storage().getText("count").map(Integer::parseInt).orElse(0) + 1;
            context.storage().putText("count", Integer.toString(count));
            return Flux.just(SkillEvent.result(count));
        });
        InMemoryPluginStorage storage = new InMemoryPluginStorage();
        SkillHarness harness = SkillHarness.of(counter).storage(storage);

        harness.run();
        SkillRun second = harness.run();

        assertThat(second.result()).isEqualTo(2);
        assertThat(storage.getText("count")).contains("2");
    }

    @Test
    void defaultModelsAreUnavailableUntilAGatewayIsGiven() {
        Skill asking = skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.result(
                context.models().chat().user("hi").call().text())));

        SkillRun offline = SkillHarness.of(asking).run();
        SkillRun online = SkillHarness.of(asking).models(new FakeModelGateway().onChat("hello there")).run();

        assertThat(offline.error()).containsInstanceOf(CapabilityUnavailableException.class);
        assertThat(online.result()).isEqualTo("hello there");
    }

    @Test
    void defaultDocumentKitIsThePlatformsRealOne() {
        Skill writing = skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.artifact(
                context.documents().writeDocx("a.docx", new DocumentContent("A", List.of(), "", ""))),
                SkillEvent.result("written")));

        SkillRun run = SkillHarness.of(writing).run();

        assertThat(run.error()).isEmpty();
        assertThat(run.artifact("a.docx").bytes()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void givenDocumentKitIsTheOneTheSkillUses() {
        DocumentKit kit = new DocumentKit() {
            @Override
            public ExtractedDocument read(Media document) {
                return new ExtractedDocument(document.text(), List.of(), List.of(), List.of(), 1);
            }

            @Override
            public Media writeDocx(String fileName, DocumentContent content) {
                return Media.ofText(fileName, "application/octet-stream", content.title());
            }

            @Override
            public Media writePdf(String fileName, DocumentContent content, PdfOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Media writeXlsx(String fileName, Workbook workbook) {
                throw new UnsupportedOperationException();
            }
        };
        Skill reading = skill(SkillSpec.builder("read").input(InputSpec.file("doc").required()).build(),
                (input, context) -> Flux.just(SkillEvent.result(
                        context.documents().read(input.file("doc").orElseThrow()).text())));

        SkillRun run = SkillHarness.of(reading).documents(kit)
                .file("doc", Media.ofText("a.txt", "text/plain", "contents")).run();

        assertThat(run.result()).isEqualTo("contents");
    }

    @Test
    void skillsGetTheOfflineTextKitByDefault() {
        Skill summarising = skill(SkillSpec.builder("summarise").input(InputSpec.text("text").required()).build(),
                (input, context) -> Flux.just(SkillEvent.result(Map.of(
                        "summary", context.text().summarize(input.text("text").orElseThrow(), 1).text(),
                        "engine", context.text().summarize(input.text("text").orElseThrow(), 1).engine().model(),
                        "language", context.text().language(input.text("text").orElseThrow())))));
        String meeting = "Good morning, everyone. The launch of the headphones moves to March because the battery "
                + "cells arrive late. The battery supplier confirmed the cells will arrive four weeks late. "
                + "Marketing will move the launch campaign to March as well. Let's take a short break.";

        SkillRun run = SkillHarness.of(summarising).value("text", meeting).run();

        assertThat(run.error()).isEmpty();
        assertThat(run.result()).isEqualTo(Map.of(
                "summary", "The launch of the headphones moves to March because the battery cells arrive late.",
                "engine", "all-minilm-l6-v2",
                "language", "en"));
    }

    @Test
    void givenTextKitIsTheOneTheSkillUses() {
        TextKit kit = new dev.atrium.engine.text.EmbeddedTextKit();
        Skill splitting = skill(NO_INPUTS, (input, context) -> Flux.just(SkillEvent.result(
                context.text().sentences("今天开会。预算批准了！") + " " + context.text().summarize("One. Two.", 1).engine().model())));

        SkillRun run = SkillHarness.of(splitting).text(kit).run();

        assertThat(run.result()).isEqualTo("[今天开会。, 预算批准了！] lexical-tfidf");
    }
}
