package dev.atrium.sdk.testkit;

import dev.atrium.sdk.Skill;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** Skills by plugin id and spec id, as the host's registry keeps them; ids must be unique within a plugin. */
final class SkillRegistry {

    private final Map<String, Map<String, Skill>> byPlugin = new LinkedHashMap<>();

    synchronized void register(String pluginId, Collection<Skill> skills) {
        Map<String, Skill> byId = new TreeMap<>();
        for (Skill skill : skills) {
            String id = skill.spec().id();
            Skill previous = byId.putIfAbsent(id, skill);
            if (previous != null) {
                throw new IllegalStateException("plugin '" + pluginId + "' has two skills with id '" + id + "': "
                        + previous.getClass().getName() + " and " + skill.getClass().getName());
            }
        }
        byPlugin.put(pluginId, Collections.unmodifiableMap(byId));
    }

    synchronized Map<String, Skill> skills(String pluginId) {
        return byPlugin.getOrDefault(pluginId, Map.of());
    }

    synchronized Skill skill(String pluginId, String skillId) {
        Skill skill = skills(pluginId).get(skillId);
        if (skill == null) {
            throw new NoSuchElementException("plugin '" + pluginId + "' has no skill '" + skillId + "'; skills: "
                    + skills(pluginId).keySet());
        }
        return skill;
    }
}
