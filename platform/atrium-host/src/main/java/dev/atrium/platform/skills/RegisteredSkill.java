package dev.atrium.platform.skills;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillSpec;

/**
 * A skill of a started plugin, with the class loader its calls must run under.
 *
 * @param pluginId owning plugin
 * @param pluginVersion its version
 * @param skill the extension instance
 * @param spec its description, read once at registration
 * @param classLoader the plugin's class loader
 */
public record RegisteredSkill(String pluginId, String pluginVersion, Skill skill, SkillSpec spec,
                              ClassLoader classLoader) {

    /** {@code plugin/skill}, the key used in URLs and settings. */
    public String key() {
        return pluginId + "/" + spec.id();
    }
}
