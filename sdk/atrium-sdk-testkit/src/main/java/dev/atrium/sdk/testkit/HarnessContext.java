package dev.atrium.sdk.testkit;

import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.PluginSettings;
import dev.atrium.sdk.PluginStorage;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.media.MediaKit;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.text.TextKit;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context a skill sees under the harness; progress reports go into the run's event list. */
record HarnessContext(String runId, String pluginId, String skillId, String tenantId, String userId,
                      Locale locale, Clock clock, PluginSettings settings, PluginStorage storage,
                      ModelGateway models, DocumentKit documents, MediaKit media, TextKit text, CancellationSignal cancellation,
                      RunRecorder recorder, Set<String> callerRoles) implements SkillContext {

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger(pluginId + "." + skillId);
    }

    @Override
    public void progress(int percent, String message) {
        recorder.event(new SkillEvent.Progress(percent, message));
    }
}
