package dev.atrium.sdk;

import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.media.MediaKit;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.text.TextKit;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;

/**
 * What the host gives a running skill: facts about the run and the services it may use.
 *
 * @since 0.1
 */
public interface SkillContext {

    /** The run's id, as seen in the HTTP API. */
    String runId();

    /** The plugin the skill belongs to. */
    String pluginId();

    /** The skill's id. */
    String skillId();

    /** The tenant the run belongs to. */
    String tenantId();

    /** The user who started the run. */
    String userId();

    /**
     * The roles of whoever started the run, as the platform grants them in the run's tenant ({@code admin},
     * {@code user}, {@code auditor}). A skill that shows one person's data to another — a teacher's view of
     * every learner's sessions, say — checks them. Empty when the host does not say.
     *
     * @return the caller's roles, never null
     * @since 0.1
     */
    default Set<String> callerRoles() {
        return Set.of();
    }

    /** The user's preferred locale, for messages and generated documents. */
    Locale locale();

    /** The clock to read the time from (fixed in tests). */
    Clock clock();

    /** A logger named after the plugin and skill. */
    Logger logger();

    /** The plugin's settings and secrets. */
    PluginSettings settings();

    /** Key/value storage private to the plugin (and tenant); survives runs and restarts. */
    PluginStorage storage();

    /** Models: chat, vision, OCR, transcription, embeddings, images; remote or embedded. */
    ModelGateway models();

    /** Reading and writing PDF, DOCX and XLSX. */
    DocumentKit documents();

    /** Audio tracks and keyframes of recordings. */
    MediaKit media();

    /** Sentences, language, keywords, extractive summaries and passage retrieval, offline. */
    TextKit text();

    /** Tells whether the run was cancelled or timed out, so blocking work can stop early. */
    CancellationSignal cancellation();

    /**
     * Reports progress from blocking code; equivalent to emitting a {@link SkillEvent.Progress}.
     *
     * @param percent 0 to 100
     * @param message what is happening now
     */
    void progress(int percent, String message);
}
