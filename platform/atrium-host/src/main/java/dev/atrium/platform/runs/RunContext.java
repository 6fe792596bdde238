package dev.atrium.platform.runs;

import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.PluginSettings;
import dev.atrium.sdk.PluginStorage;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.media.MediaKit;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.text.TextKit;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's {@link SkillContext} for one run. */
final class RunContext implements SkillContext {

    private final Run run;
    private final Locale locale;
    private final Clock clock;
    private final PluginSettings settings;
    private final PluginStorage storage;
    private final ModelGateway models;
    private final DocumentKit documents;
    private final TextKit text;
    private final MediaKit media;
    private final Logger logger;
    private final Set<String> callerRoles;

    RunContext(Run run, Set<String> callerRoles, Locale locale, Clock clock, PluginSettings settings,
               PluginStorage storage, ModelGateway models, DocumentKit documents, MediaKit media, TextKit text) {
        this.run = run;
        this.callerRoles = Set.copyOf(callerRoles);
        this.locale = locale;
        this.clock = clock;
        this.settings = settings;
        this.storage = storage;
        this.models = models;
        this.documents = documents;
        this.text = text;
        this.media = media;
        this.logger = LoggerFactory.getLogger("plugin." + run.pluginId() + "." + run.skillId());
    }

    @Override
    public String runId() {
        return run.id();
    }

    @Override
    public String pluginId() {
        return run.pluginId();
    }

    @Override
    public String skillId() {
        return run.skillId();
    }

    @Override
    public String tenantId() {
        return run.tenantId();
    }

    @Override
    public String userId() {
        return run.userId();
    }

    @Override
    public Set<String> callerRoles() {
        return callerRoles;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public PluginSettings settings() {
        return settings;
    }

    @Override
    public PluginStorage storage() {
        return storage;
    }

    @Override
    public ModelGateway models() {
        return models;
    }

    @Override
    public DocumentKit documents() {
        return documents;
    }

    @Override
    public MediaKit media() {
        return media;
    }

    @Override
    public TextKit text() {
        return text;
    }

    @Override
    public CancellationSignal cancellation() {
        return run.cancellation();
    }

    @Override
    public void progress(int percent, String message) {
        int clamped = Math.max(0, Math.min(100, percent));
        run.emit("progress", Map.of("percent", clamped, "message", message == null ? "" : message));
    }
}
