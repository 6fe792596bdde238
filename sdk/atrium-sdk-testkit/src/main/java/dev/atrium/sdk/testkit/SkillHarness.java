package dev.atrium.sdk.testkit;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.PluginSettings;
import dev.atrium.sdk.PluginStorage;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.engine.embed.MiniLmEmbeddings;
import dev.atrium.documents.DocumentLimits;
import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.engine.media.FfmpegMedia;
import dev.atrium.engine.media.FfmpegMediaKit;
import dev.atrium.engine.text.EmbeddedTextKit;
import dev.atrium.sdk.media.MediaKit;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.text.TextKit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a skill in a plain JUnit test, without the platform:
 * {@code SkillHarness.of(new EchoSkill()).value("text", "hi").run()}. Like the host, it validates the input
 * against the skill's spec, calls {@link Skill#run} on a worker thread, applies a time limit and collects
 * every event, progress reported through the context included, into a {@link SkillRun}.
 *
 * <p>The harness is a mutable builder: each setter changes it and {@link #run()} may be called again.
 * Storage is kept across runs of one harness, as the host keeps it across runs of one plugin.
 *
 * @since 0.1
 */
public final class SkillHarness {

    /**
     * The time limit of a run unless the skill's spec or {@link #timeout(Duration)} sets a shorter one.
     *
     * @since 0.1
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    // Stricter than Jackson's default: an object written as {} (a stream, a Media, a class without
    // accessors) is almost always a mistake in a result, so the check refuses it.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    private final Skill skill;
    private final SkillSpec spec;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<Media>> files = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private ModelGateway models = new FakeModelGateway();
    private DocumentKit documents;
    private MediaKit media;
    private TextKit text;
    private PluginStorage storage = new InMemoryPluginStorage();
    private Locale locale = Locale.ENGLISH;
    private Clock clock = Clock.systemUTC();
    private String pluginId = "test-plugin";
    private String tenantId = "test-tenant";
    private String userId = "test-user";
    private Set<String> callerRoles = Set.of("user");
    private Duration timeout;
    private Duration cancelAfter;

    private SkillHarness(Skill skill) {
        this.skill = Objects.requireNonNull(skill, "skill");
        this.spec = Objects.requireNonNull(skill.spec(), "the skill's spec()");
    }

    /**
     * Starts a harness for the skill, with no inputs, no settings, a {@link FakeModelGateway} with nothing
     * scripted, the platform's offline text kit, empty {@link InMemoryPluginStorage}, English locale and the
     * system clock.
     *
     * @since 0.1
     */
    public static SkillHarness of(Skill skill) {
        return new SkillHarness(skill);
    }

    /**
     * Sets a non-file input value as JSON would carry it (string, number, boolean); {@code null} removes it.
     * The skill receives it normalised as on the host: text as a string, a whole number as a Long.
     *
     * @since 0.1
     */
    public SkillHarness value(String inputId, Object value) {
        Objects.requireNonNull(inputId, "inputId");
        if (value == null) {
            values.remove(inputId);
        } else {
            values.put(inputId, value);
        }
        return this;
    }

    /**
     * Adds a file to a file input; call again to add more files to a multi-file input.
     *
     * @since 0.1
     */
    public SkillHarness file(String inputId, Media media) {
        Objects.requireNonNull(inputId, "inputId");
        Objects.requireNonNull(media, "media");
        files.computeIfAbsent(inputId, k -> new ArrayList<>()).add(media);
        return this;
    }

    /** Removes every file given to the input, so a contract test can replace a valid file with a broken one. */
    SkillHarness withoutFiles(String inputId) {
        files.remove(inputId);
        return this;
    }

    /** The skill this harness runs. */
    Skill skill() {
        return skill;
    }

    /**
     * Sets a plugin setting or secret the skill reads through {@link dev.atrium.sdk.SkillContext#settings()}.
     *
     * @since 0.1
     */
    public SkillHarness setting(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the model gateway, usually a scripted {@link FakeModelGateway}.
     *
     * @since 0.1
     */
    public SkillHarness models(ModelGateway gateway) {
        this.models = Objects.requireNonNull(gateway, "gateway");
        return this;
    }

    /**
     * Sets the document kit; without one, the skill gets the platform's own {@link OfficeDocumentKit}, whose
     * scanned-page OCR goes through the harness's model gateway.
     *
     * @since 0.1
     */
    public SkillHarness documents(DocumentKit kit) {
        this.documents = Objects.requireNonNull(kit, "kit");
        return this;
    }

    /**
     * Sets the media kit; without one, the skill gets the platform's ffmpeg-backed kit.
     *
     * @since 0.1
     */
    public SkillHarness media(MediaKit kit) {
        this.media = Objects.requireNonNull(kit, "kit");
        return this;
    }

    /**
     * Sets the text kit; without one, the skill gets the platform's own offline kit
     * ({@link EmbeddedTextKit} with the embedded all-MiniLM-L6-v2 model, loaded on first use and shared by
     * every harness in the JVM).
     *
     * @since 0.1
     */
    public SkillHarness text(TextKit kit) {
        this.text = Objects.requireNonNull(kit, "kit");
        return this;
    }

    /**
     * Sets the plugin storage, for example an {@link InMemoryPluginStorage} the test prepares or inspects.
     *
     * @since 0.1
     */
    public SkillHarness storage(PluginStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    /**
     * Sets the user's locale the skill sees.
     *
     * @since 0.1
     */
    public SkillHarness locale(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        return this;
    }

    /**
     * Sets the clock the skill reads the time from, typically {@link Clock#fixed}.
     *
     * @since 0.1
     */
    public SkillHarness clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the plugin id the context reports (default {@code test-plugin}).
     *
     * @since 0.1
     */
    public SkillHarness pluginId(String pluginId) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        return this;
    }

    /**
     * Sets the tenant id the context reports (default {@code test-tenant}).
     *
     * @since 0.1
     */
    public SkillHarness tenantId(String tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        return this;
    }

    /**
     * Sets the user id the context reports (default {@code test-user}).
     *
     * @since 0.1
     */
    public SkillHarness userId(String userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
        return this;
    }

    /**
     * Sets the roles the context reports for the caller (default {@code user}).
     *
     * @since 0.1
     */
    public SkillHarness callerRoles(String... roles) {
        this.callerRoles = Set.of(roles);
        return this;
    }

    /**
     * Sets the run's time limit, replacing the default of 30 seconds and the spec's own timeout. A run that
     * takes longer is cancelled and ends with a {@link SkillTimeoutException}.
     *
     * @since 0.1
     */
    public SkillHarness timeout(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeout = limit;
        return this;
    }

    /**
     * Cancels the run after this delay, as a user would: the {@link dev.atrium.sdk.CancellationSignal} is set,
     * its actions run and the subscription is disposed; later events are ignored. {@code null} turns it off.
     *
     * @since 0.1
     */
    public SkillHarness cancelAfter(Duration delay) {
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("cancelAfter must not be negative");
        }
        this.cancelAfter = delay;
        return this;
    }

    /**
     * Validates the input, runs the skill and waits until it ends, fails, is cancelled or times out. Errors of
     * the skill are reported in {@link SkillRun#error()}, not thrown.
     *
     * @throws dev.atrium.sdk.BadInputException if a value or file breaks the spec (missing, out of range,
     *     not an option, too large, undeclared), naming the input
     * @throws dev.atrium.sdk.UnsupportedMediaException if a file's media type is not accepted; the message
     *     names the input
     * @since 0.1
     */
    public SkillRun run() {
        SkillInput input = InputValidation.validate(spec, values, files);
        RunRecorder recorder = new RunRecorder();
        RunCancellation cancellation = new RunCancellation();
        HarnessContext context = new HarnessContext("test-run-" + runs.incrementAndGet(), pluginId, spec.id(),
                tenantId, userId, locale, clock, PluginSettings.of(settings), storage, models,
                documents != null ? documents : new OfficeDocumentKit(DocumentLimits.DEFAULTS, models::ocr),
                media != null ? media : DefaultMediaKit.INSTANCE,
                text != null ? text : DefaultTextKit.INSTANCE, cancellation, recorder, callerRoles);

        // Like the host, call run() on a worker thread so blocking skills do not block the waiting test.
        // The latch tells when that thread is done with the skill's synchronous work (run() and a blocking
        // Flux.create body), which is how the contract tests see whether a cancelled skill really stopped.
        CountDownLatch workEnded = new CountDownLatch(1);
        Flux<SkillEvent> source = Flux.defer(() -> skill.run(input, context));
        Publisher<SkillEvent> tracked = subscriber -> {
            try {
                source.subscribe(subscriber);
            } finally {
                workEnded.countDown();
            }
        };
        // Disposing the subscription interrupts the worker thread, as cancelling a run does on the host.
        Disposable subscription = Flux.from(tracked)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(recorder::event, recorder::fail, recorder::complete);

        Duration limit = effectiveTimeout();
        try {
            boolean ended = false;
            if (cancelAfter != null && cancelAfter.compareTo(limit) < 0) {
                ended = recorder.await(cancelAfter);
                if (!ended) {
                    stop(recorder, new RunCancelledException(), true, cancellation, subscription);
                    ended = true;
                }
            }
            if (!ended && !recorder.await(limit)) {
                stop(recorder, new SkillTimeoutException("skill '" + spec.id() + "' did not finish within "
                        + limit.toMillis() + " ms"), false, cancellation, subscription);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(recorder, new RunCancelledException(), true, cancellation, subscription);
        }

        List<SkillEvent> events = recorder.events();
        Throwable error = recorder.error();
        if (error == null) {
            error = contractViolation(events);
        }
        return new SkillRun(spec.id(), events, error, recorder.cancelled(), workEnded);
    }

    private static final class DefaultMediaKit {
        static final MediaKit INSTANCE = new FfmpegMediaKit(new FfmpegMedia());
    }

    /** One kit for all harnesses: the model behind it takes a second and 90 MB to load. */
    private static final class DefaultTextKit {
        static final TextKit INSTANCE = new EmbeddedTextKit(new MiniLmEmbeddings(), MiniLmEmbeddings.LANGUAGES);
    }

    private Duration effectiveTimeout() {
        if (timeout != null) {
            return timeout;
        }
        Duration declared = spec.timeout();
        return declared != null && declared.compareTo(DEFAULT_TIMEOUT) < 0 ? declared : DEFAULT_TIMEOUT;
    }

    private static void stop(RunRecorder recorder, RuntimeException reason, boolean byCancellation,
                             RunCancellation cancellation, Disposable subscription) {
        // End the record first, so what the skill still emits in reaction to the signal is ignored.
        if (recorder.interrupt(reason, byCancellation)) {
            cancellation.cancel().forEach(reason::addSuppressed);
            subscription.dispose();
        }
    }

    /** The host expects exactly one Result, last, holding JSON-serialisable data; anything else fails the run. */
    private IllegalStateException contractViolation(List<SkillEvent> events) {
        List<Integer> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof SkillEvent.Result) {
                results.add(i);
            }
        }
        if (results.isEmpty()) {
            return new IllegalStateException("skill '" + spec.id() + "' completed without a Result event");
        }
        if (results.size() > 1) {
            return new IllegalStateException("skill '" + spec.id() + "' emitted " + results.size()
                    + " Result events; a run ends with exactly one");
        }
        if (results.get(0) != events.size() - 1) {
            return new IllegalStateException("skill '" + spec.id() + "' emitted "
                    + (events.size() - 1 - results.get(0)) + " event(s) after its Result");
        }
        Object data = ((SkillEvent.Result) events.get(results.get(0))).data();
        try {
            JSON.writeValueAsString(data);
        } catch (JacksonException e) {
            return new IllegalStateException("result of skill '" + spec.id() + "' cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
        return null;
    }
}
