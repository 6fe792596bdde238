package dev.atrium.sdk;

import org.pf4j.ExtensionPoint;
import reactor.core.publisher.Flux;

/**
 * A copilot skill contributed by a plugin. Implementations are annotated with {@code @org.pf4j.Extension}
 * and found by the host through the compile-time extension index; the host calls them, never the other way.
 *
 * <p>{@link #run} is called on a worker thread, so blocking work (documents, OCR, processes) is allowed
 * there; the returned stream may also be asynchronous. The host adds timeouts, cancellation and storage.
 *
 * @since 0.1
 */
public interface Skill extends ExtensionPoint {

    /** Describes the skill: id, inputs, outputs and the model capabilities it needs. Must be constant. */
    SkillSpec spec();

    /**
     * Runs the skill once.
     *
     * @param input validated input values and files, as described by {@link #spec()}
     * @param context services and facts about this run (settings, storage, models, cancellation, ...)
     * @return progress, text deltas, artifacts and warnings, then exactly one {@link SkillEvent.Result}
     */
    Flux<SkillEvent> run(SkillInput input, SkillContext context);
}
