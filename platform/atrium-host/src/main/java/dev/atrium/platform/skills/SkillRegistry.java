package dev.atrium.platform.skills;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The skills of every started plugin. Follows plugin start and stop: a plugin's skills are published when it
 * starts and removed, with listeners told, before it stops. An upgrade publishes the new version's skills over
 * the old ones in one step and then retires the old version, whose listeners let its runs finish first.
 */
@Component
public class SkillRegistry {

    private final Map<String, Map<String, RegisteredSkill>> byPlugin = new ConcurrentHashMap<>();
    private final List<Consumer<String>> unregisterListeners = new CopyOnWriteArrayList<>();
    private final List<BiFunction<String, ClassLoader, CompletionStage<?>>> retireListeners = new CopyOnWriteArrayList<>();

    /**
     * Registers a started plugin's skills, reading each spec under the plugin's class loader.
     *
     * @throws IllegalArgumentException if a spec is invalid or two skills share an id
     */
    public List<RegisteredSkill> register(String pluginId, String version, List<Skill> skills, ClassLoader loader) {
        List<RegisteredSkill> prepared = prepare(pluginId, version, skills, loader);
        publish(pluginId, prepared);
        return prepared;
    }

    /**
     * Reads and checks a plugin's skills without publishing them, so a new version can be checked while the
     * previous one still serves.
     *
     * @throws IllegalArgumentException if a spec is invalid or two skills share an id
     */
    public List<RegisteredSkill> prepare(String pluginId, String version, List<Skill> skills, ClassLoader loader) {
        Map<String, RegisteredSkill> entries = new LinkedHashMap<>();
        for (Skill skill : skills) {
            SkillSpec spec;
            try {
                spec = PluginClassLoaders.callWith(loader, skill::spec);
            } catch (Exception e) {
                throw new IllegalArgumentException("skill " + skill.getClass().getName()
                        + " has an invalid spec: " + e.getMessage(), e);
            }
            if (spec == null) {
                throw new IllegalArgumentException("skill " + skill.getClass().getName() + " returned no spec");
            }
            if (entries.put(spec.id(), new RegisteredSkill(pluginId, version, skill, spec, loader)) != null) {
                throw new IllegalArgumentException("two skills of plugin " + pluginId + " have the id " + spec.id());
            }
        }
        return List.copyOf(entries.values());
    }

    /**
     * Makes these skills the plugin's, in one step: a version published over another takes every new run from
     * here on, while runs already started carry on with the skills they were given.
     */
    public void publish(String pluginId, List<RegisteredSkill> skills) {
        Map<String, RegisteredSkill> entries = new LinkedHashMap<>();
        skills.forEach(skill -> entries.put(skill.spec().id(), skill));
        byPlugin.put(pluginId, Map.copyOf(entries));
    }

    /**
     * Asks listeners to let the runs of a replaced version of a plugin (identified by its class loader) finish,
     * or end them after the limit; completes when none is left and the version can be unloaded.
     */
    public CompletableFuture<Void> retire(String pluginId, ClassLoader previous) {
        return CompletableFuture.allOf(retireListeners.stream()
                .map(listener -> listener.apply(pluginId, previous).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** Subscribes to the retirement of a replaced plugin version; the listener's stage completes when it is done with it. */
    public void onRetire(BiFunction<String, ClassLoader, CompletionStage<?>> listener) {
        retireListeners.add(listener);
    }

    /** Removes a plugin's skills after telling listeners (which cancel its runs and free its workers). */
    public void unregister(String pluginId) {
        if (byPlugin.remove(pluginId) != null) {
            unregisterListeners.forEach(listener -> listener.accept(pluginId));
        }
    }

    /** Subscribes to plugin removal. */
    public void onUnregister(Consumer<String> listener) {
        unregisterListeners.add(listener);
    }

    /** The skill, if its plugin is started. */
    public Optional<RegisteredSkill> find(String pluginId, String skillId) {
        return Optional.ofNullable(byPlugin.getOrDefault(pluginId, Map.of()).get(skillId));
    }

    /** Whether the plugin is started (has registered, possibly zero, skills). */
    public boolean hasPlugin(String pluginId) {
        return byPlugin.containsKey(pluginId);
    }

    /** The skills of one plugin, sorted by id. */
    public List<RegisteredSkill> skillsOf(String pluginId) {
        return byPlugin.getOrDefault(pluginId, Map.of()).values().stream()
                .sorted(Comparator.comparing(s -> s.spec().id())).toList();
    }

    /** Every registered skill, sorted by plugin and id. */
    public List<RegisteredSkill> all() {
        List<RegisteredSkill> all = new ArrayList<>();
        byPlugin.values().forEach(m -> all.addAll(m.values()));
        all.sort(Comparator.comparing(RegisteredSkill::key));
        return all;
    }
}
