package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.SdkVersion;
import dev.atrium.sdk.testkit.fixture.GreetSkill;
import dev.atrium.sdk.testkit.fixture.ShoutSkill;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevelopmentPlatformTest {

    private static PluginLocation at(Path project) {
        return PluginLocation.of(project, null, null, null);
    }

    @Test
    void projectThatWasNeverBuiltIsReportedWithTheCommandToRun() {
        Path empty = FixturePlugin.in("never-built", "x").withoutIndex().withoutDescriptor().write();

        assertThatThrownBy(() -> DevelopmentPlatform.boot(at(empty)))
                .hasMessageContaining("neither the plugin descriptor")
                .hasMessageContaining("mvn process-classes");
    }

    @Test
    void missingDescriptorIsNamed() {
        Path project = FixturePlugin.in("no-descriptor", "x").extension(GreetSkill.class).withoutDescriptor().write();

        assertThatThrownBy(() -> DevelopmentPlatform.boot(at(project)))
                .hasMessageContaining("no plugin descriptor at")
                .hasMessageContaining("target/atrium-plugin/plugin.properties");
    }

    @Test
    void missingExtensionIndexPointsAtTheAnnotation() {
        Path project = FixturePlugin.in("no-index", "x").extension(GreetSkill.class).withoutIndex().write();

        assertThatThrownBy(() -> DevelopmentPlatform.boot(at(project)))
                .hasMessageContaining("no extension index").hasMessageContaining("@org.pf4j.Extension");
    }

    @Test
    void pluginRequiringAnotherSdkIsRefusedNamingBothVersions() {
        Path project = FixturePlugin.in("future", "future").extension(GreetSkill.class)
                .property("plugin.requires", ">=9.0.0").write();

        assertThatThrownBy(() -> DevelopmentPlatform.boot(at(project)))
                .hasMessageContaining("requires SDK >=9.0.0")
                .hasMessageContaining("runs SDK " + SdkVersion.current());
    }

    @Test
    void requiresThatIsNotARangeIsRefused() {
        Path project = FixturePlugin.in("garbled", "garbled").extension(GreetSkill.class)
                .property("plugin.requires", "soon").write();

        assertThatThrownBy(() -> DevelopmentPlatform.boot(at(project)))
                .hasMessageContaining("not a version range: 'soon'");
    }

    @Test
    void descriptorWithoutIdIsRefused() {
        Path project = FixturePlugin.in("anonymous", "").extension(GreetSkill.class).write();

        assertThatThrownBy(() -> DevelopmentPlatform.boot(at(project)))
                .hasMessageContaining("needs plugin.id and plugin.version");
    }

    @Test
    void aPluginThatNeedsAnotherLoadsOnItsOwnAsOnThePlatform() {
        Path project = FixturePlugin.in("add-on", "add-on").extension(GreetSkill.class)
                .property("plugin.dependencies", "ledger@>=1.0.0").write();

        try (DevelopmentPlatform platform = DevelopmentPlatform.boot(at(project))) {
            assertThat(platform.registry().skills("add-on")).containsOnlyKeys("greet");
        }
    }

    @Test
    void closingUnloadsThePlugin() {
        Path project = FixturePlugin.in("closable", "closable").extension(ShoutSkill.class).write();
        DevelopmentPlatform platform = DevelopmentPlatform.boot(at(project));
        assertThat(platform.pluginClassLoader()).isNotNull();

        platform.close();

        assertThat(platform.pluginClassLoader()).isNull();
    }

    @Test
    void classesInTargetLibAreLoadedByThePluginToo() {
        Path project = FixturePlugin.in("with-lib", "with-lib").extension(GreetSkill.class)
                .extensionInLibrary(ShoutSkill.class).write();

        try (DevelopmentPlatform platform = DevelopmentPlatform.boot(at(project))) {
            assertThat(platform.registry().skills("with-lib")).containsOnlyKeys("greet", "shout");
            Class<?> shout = platform.registry().skill("with-lib", "shout").getClass();
            assertThat(shout.getClassLoader()).isSameAs(platform.pluginClassLoader());
            assertThat(shout.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith("library.jar");
        }
    }

    @Test
    void twoSkillsWithOneIdAreRefused() {
        SkillRegistry registry = new SkillRegistry();

        assertThatThrownBy(() -> registry.register("p", List.of(new GreetSkill(), new GreetSkill())))
                .hasMessageContaining("two skills with id 'greet'");
    }
}
