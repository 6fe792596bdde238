package dev.atrium.platform.web;

import dev.atrium.platform.plugins.InstalledPlugin;
import dev.atrium.platform.runs.Run;
import dev.atrium.platform.runs.StoredFile;
import dev.atrium.platform.skills.RegisteredSkill;
import dev.atrium.sdk.SkillSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the HTTP API, built from domain objects. */
final class Views {

    private Views() {
    }

    static Map<String, Object> plugin(InstalledPlugin plugin, List<RegisteredSkill> skills,
                                      dev.atrium.platform.plugins.Capabilities granted) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", plugin.id());
        view.put("version", plugin.archive().version());
        view.put("description", plugin.archive().description());
        view.put("provider", plugin.archive().provider());
        view.put("license", plugin.archive().license());
        view.put("requires", plugin.archive().requires());
        view.put("state", plugin.state().name().toLowerCase(Locale.ROOT));
        view.put("enabled", plugin.state() != InstalledPlugin.State.DISABLED);
        view.put("bundled", plugin.bundled());
        view.put("sha256", plugin.archive().sha256());
        view.put("sensitive", plugin.archive().sensitive());
        view.put("signedBy", plugin.archive().signer());
        view.put("capabilities", Map.of(
                "declared", new java.util.TreeSet<>(plugin.archive().capabilities().names()),
                "granted", new java.util.TreeSet<>(granted.names()),
                "storageBytes", granted.storageBytes()));
        view.put("dependencies", plugin.archive().dependencies().stream().map(d -> Map.of(
                "plugin", d.pluginId(), "range", d.range(), "optional", d.optional())).toList());
        view.put("error", plugin.error());
        view.put("skills", skills.stream().map(s -> Map.of("id", s.spec().id(), "title", s.spec().title())).toList());
        view.put("links", Map.of("self", "/api/plugins/" + plugin.id()));
        return view;
    }

    static Map<String, Object> skill(RegisteredSkill skill) {
        SkillSpec spec = skill.spec();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("plugin", skill.pluginId());
        view.put("pluginVersion", skill.pluginVersion());
        view.put("id", spec.id());
        view.put("title", spec.title());
        view.put("description", spec.description());
        view.put("inputs", spec.inputs());
        view.put("outputs", spec.outputs());
        view.put("capabilities", spec.capabilities());
        view.put("timeoutSeconds", spec.timeout() == null ? null : spec.timeout().toSeconds());
        String base = "/api/skills/" + skill.key();
        view.put("links", Map.of("self", base, "runs", base + "/runs"));
        return view;
    }

    static Map<String, Object> run(Run run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("plugin", run.pluginId());
        view.put("skill", run.skillId());
        view.put("pluginVersion", run.pluginVersion());
        view.put("status", run.status());
        view.put("tenant", run.tenantId());
        view.put("user", run.userId());
        view.put("createdAt", run.createdAt());
        view.put("startedAt", run.startedAt());
        view.put("finishedAt", run.finishedAt());
        view.put("durationMs", run.startedAt() == null || run.finishedAt() == null ? null
                : Duration.between(run.startedAt(), run.finishedAt()).toMillis());
        view.put("inputs", Map.of("values", run.inputValues(),
                "files", run.inputFiles().stream().map(Views::file).toList()));
        view.put("result", run.result());
        view.put("artifacts", run.artifacts().stream().map(a -> artifact(run, a)).toList());
        view.put("error", run.error());
        view.put("usage", run.usage());
        String base = "/api/runs/" + run.id();
        view.put("links", Map.of("self", base, "events", base + "/events"));
        return view;
    }

    private static Map<String, Object> file(StoredFile file) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("input", file.input());
        view.put("name", file.name());
        view.put("mediaType", file.mediaType());
        view.put("size", file.size());
        view.put("sha256", file.sha256());
        return view;
    }

    private static Map<String, Object> artifact(Run run, StoredFile file) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", file.name());
        view.put("mediaType", file.mediaType());
        view.put("size", file.size());
        view.put("sha256", file.sha256());
        view.put("url", "/api/runs/" + run.id() + "/artifacts/" + file.name());
        return view;
    }
}
