package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.platform.config.AtriumProperties;
import dev.atrium.platform.lab.CrashSkill;
import dev.atrium.platform.lab.HangingSkill;
import dev.atrium.platform.lab.SleepSkill;
import dev.atrium.platform.plugins.InstalledPlugin;
import dev.atrium.platform.plugins.PluginCatalog;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.skills.SkillRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin catalog over a real plugins folder, across restarts, without the web layer. */
class PluginCatalogTest {

    @TempDir
    Path home;

    @TempDir
    Path uploads;

    @Test
    void keepsInstalledAndDisabledPluginsAcrossARestart() throws Exception {
        SkillRegistry registry = new SkillRegistry();
        PluginCatalog catalog = start(registry);
        catalog.install(TestPluginArchive.plugin("lab").extensions(SleepSkill.class, CrashSkill.class).writeTo(uploads));
        assertThat(registry.skillsOf("lab")).hasSize(2);
        catalog.disable("lab");
        assertThat(registry.hasPlugin("lab")).isFalse();
        catalog.destroy();

        SkillRegistry afterRestart = new SkillRegistry();
        PluginCatalog restarted = start(afterRestart);
        assertThat(restarted.find("lab")).get().extracting(InstalledPlugin::state).isEqualTo(InstalledPlugin.State.DISABLED);
        assertThat(afterRestart.hasPlugin("lab")).isFalse();

        restarted.enable("lab");
        assertThat(afterRestart.find("lab", "sleep")).isPresent();
        restarted.destroy();
    }

    @Test
    void doesNotReinstallABundledPluginTheAdminRemoved() throws Exception {
        PluginCatalog catalog = start(new SkillRegistry());
        assertThat(catalog.find("hello")).isPresent();
        catalog.delete("hello");
        catalog.destroy();

        PluginCatalog restarted = start(new SkillRegistry());
        assertThat(restarted.find("hello")).isEmpty();
        assertThatThrownBy(() -> restarted.enable("hello")).isInstanceOf(ProblemException.class);
        restarted.destroy();
    }

    @Test
    void refusesAPluginThatHangsWhileStartingAndKeepsWorking() throws Exception {
        SkillRegistry registry = new SkillRegistry();
        PluginCatalog catalog = start(registry);

        assertThatThrownBy(() -> catalog.install(TestPluginArchive.plugin("stuck").extensions(HangingSkill.class)
                .writeTo(uploads)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("plugin-failed-to-start");
                    assertThat(e.getMessage()).contains("did not start within 1 s");
                });
        assertThat(catalog.find("stuck")).isEmpty();
        assertThat(catalog.find("hello")).get().extracting(InstalledPlugin::state).isEqualTo(InstalledPlugin.State.STARTED);
        catalog.destroy();
    }

    @Test
    void upgradesAPluginAndPutsThePreviousVersionBackWhenTheNewOneFails() throws Exception {
        SkillRegistry registry = new SkillRegistry();
        PluginCatalog catalog = start(registry);
        catalog.install(TestPluginArchive.plugin("lab").version("1.0.0").extensions(SleepSkill.class)
                .writeTo(uploads), java.util.Set.of());

        // A plain upload of an installed id is refused; an upgrade replaces it.
        assertThatThrownBy(() -> catalog.install(TestPluginArchive.plugin("lab").version("1.1.0")
                .extensions(SleepSkill.class, CrashSkill.class).writeTo(uploads)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("plugin-already-installed"));
        InstalledPlugin upgraded = catalog.install(TestPluginArchive.plugin("lab").version("1.1.0")
                .extensions(SleepSkill.class, CrashSkill.class).writeTo(uploads), null, true);
        assertThat(upgraded.archive().version()).isEqualTo("1.1.0");
        assertThat(registry.skillsOf("lab")).hasSize(2);
        // The administrator had granted nothing: the upgrade does not grant anything either.
        assertThat(catalog.grantsOf("lab").names()).isEmpty();
        assertThat(java.nio.file.Files.list(home.resolve("plugins")).map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("lab-"))).containsExactlyInAnyOrder("lab-1.1.0.zip", "lab-1.1.0");

        // A version that cannot start leaves 1.1.0 installed and running.
        assertThatThrownBy(() -> catalog.install(TestPluginArchive.plugin("lab").version("2.0.0")
                .extensions(HangingSkill.class).writeTo(uploads), null, true))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("plugin-failed-to-start"));
        assertThat(catalog.find("lab")).get().satisfies(p -> {
            assertThat(p.archive().version()).isEqualTo("1.1.0");
            assertThat(p.state()).isEqualTo(InstalledPlugin.State.STARTED);
        });
        assertThat(registry.find("lab", "sleep")).isPresent();
        catalog.destroy();

        PluginCatalog restarted = start(new SkillRegistry());
        assertThat(restarted.find("lab")).get().extracting(p -> p.archive().version()).isEqualTo("1.1.0");
        restarted.destroy();
    }

    private PluginCatalog start(SkillRegistry registry) throws Exception {
        AtriumProperties properties = new AtriumProperties(home, null,
                new AtriumProperties.Plugins(true, Map.of(), Duration.ofSeconds(1), false,
                        java.util.List.of(TestPluginArchive.trustedKey()), null), null);
        PluginCatalog catalog = new PluginCatalog(properties, registry);
        catalog.afterPropertiesSet();
        return catalog;
    }
}
