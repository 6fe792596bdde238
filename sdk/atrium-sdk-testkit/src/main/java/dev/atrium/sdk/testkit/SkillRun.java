package dev.atrium.sdk.testkit;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What one run of a skill under {@link SkillHarness} produced: its events in order and how it ended.
 * A failed run does not throw; its error is in {@link #error()}, and {@link #result()} fails with it as the
 * cause, so a test that expects a result still shows why there was none.
 *
 * @since 0.1
 */
public final class SkillRun {

    private final String skillId;
    private final List<SkillEvent> events;
    private final Throwable error;
    private final boolean cancelled;

    private final CountDownLatch workEnded;

    SkillRun(String skillId, List<SkillEvent> events, Throwable error, boolean cancelled) {
        this(skillId, events, error, cancelled, new CountDownLatch(0));
    }

    SkillRun(String skillId, List<SkillEvent> events, Throwable error, boolean cancelled, CountDownLatch workEnded) {
        this.skillId = skillId;
        this.events = List.copyOf(events);
        this.error = error;
        this.cancelled = cancelled;
        this.workEnded = workEnded;
    }

    /**
     * Whether the skill's worker thread finished its synchronous work within the limit: {@code run()} itself
     * and a blocking {@code Flux.create} body. Work a skill moved to other threads is not seen here.
     */
    boolean awaitWorkEnded(Duration limit) throws InterruptedException {
        return workEnded.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Every event in the order it was emitted, progress reported through the context included.
     *
     * @since 0.1
     */
    public List<SkillEvent> events() {
        return events;
    }

    /**
     * The progress events, in order.
     *
     * @since 0.1
     */
    public List<SkillEvent.Progress> progress() {
        return ofKind(SkillEvent.Progress.class);
    }

    /**
     * The streamed text pieces, in order.
     *
     * @since 0.1
     */
    public List<String> deltas() {
        return ofKind(SkillEvent.TextDelta.class).stream().map(SkillEvent.TextDelta::text).toList();
    }

    /**
     * The streamed text: all deltas concatenated.
     *
     * @since 0.1
     */
    public String text() {
        return String.join("", deltas());
    }

    /**
     * The artifacts, in order.
     *
     * @since 0.1
     */
    public List<Media> artifacts() {
        return ofKind(SkillEvent.Artifact.class).stream().map(SkillEvent.Artifact::media).toList();
    }

    /**
     * The first artifact with this file name.
     *
     * @throws NoSuchElementException naming the artifacts there are, if none has the name
     * @since 0.1
     */
    public Media artifact(String name) {
        return artifacts().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("skill '" + skillId + "' produced no artifact named '"
                        + name + "'; artifacts: " + artifacts().stream().map(Media::name).toList()
                        + outcomeSuffix()));
    }

    /**
     * The data of the run's {@link SkillEvent.Result}.
     *
     * @throws IllegalStateException with the run's error as cause, if there is no result
     * @since 0.1
     */
    public Object result() {
        return ofKind(SkillEvent.Result.class).stream().findFirst().map(SkillEvent.Result::data)
                .orElseThrow(() -> new IllegalStateException(
                        "skill '" + skillId + "' produced no result" + outcomeSuffix(), error));
    }

    /**
     * The result data as a map, the usual shape of a result.
     *
     * @throws IllegalStateException if there is no result or it is not a map
     * @since 0.1
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resultMap() {
        Object data = result();
        if (!(data instanceof Map<?, ?>)) {
            throw new IllegalStateException("result of skill '" + skillId + "' is a "
                    + data.getClass().getName() + ", not a map: " + data);
        }
        return (Map<String, Object>) data;
    }

    /**
     * The result data cast to the type, for skills whose result is a record.
     *
     * @throws IllegalStateException if there is no result
     * @throws ClassCastException if the result is of another type
     * @since 0.1
     */
    public <T> T result(Class<T> type) {
        return type.cast(result());
    }

    /**
     * The warning messages, in order.
     *
     * @since 0.1
     */
    public List<String> warnings() {
        return ofKind(SkillEvent.Warning.class).stream().map(SkillEvent.Warning::message).toList();
    }

    /**
     * Why the run failed: what the skill threw, a {@link dev.atrium.sdk.SkillTimeoutException}, a
     * {@link dev.atrium.sdk.RunCancelledException} when cancelled, or an {@link IllegalStateException} when
     * the stream broke the event contract (no result, several, events after it, or a result that cannot be
     * written as JSON).
     *
     * @since 0.1
     */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Whether the run was cancelled by {@link SkillHarness#cancelAfter}.
     *
     * @since 0.1
     */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Whether the run ended with its result and no error.
     *
     * @since 0.1
     */
    public boolean succeeded() {
        return error == null && !cancelled;
    }

    /**
     * A one-line summary for assertion messages: outcome and event counts by kind.
     *
     * @since 0.1
     */
    @Override
    public String toString() {
        Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(
                e -> e.getClass().getSimpleName(), java.util.TreeMap::new, Collectors.counting()));
        String outcome = cancelled ? "cancelled" : error != null ? "failed: " + error : "succeeded";
        return "SkillRun[" + skillId + ", " + outcome + ", events " + counts + "]";
    }

    private <E extends SkillEvent> List<E> ofKind(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private String outcomeSuffix() {
        if (cancelled) {
            return " (the run was cancelled)";
        }
        return error == null ? "" : " (the run failed: " + error + ")";
    }
}
