package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.fixture.GreetSkill;
import dev.atrium.sdk.testkit.fixture.ShoutSkill;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pf4j.PluginClassLoader;

class AtriumPluginExtensionTest {

    @RegisterExtension
    static final AtriumPluginExtension PLUGIN = AtriumPluginExtension.forProject(
            FixturePlugin.in("greetings", "greetings").extension(GreetSkill.class).extension(ShoutSkill.class).write());

    private FakeModelGateway gatewaySeenByBeforeEach;

    @BeforeEach
    void remember(FakeModelGateway models) {
        gatewaySeenByBeforeEach = models;
    }

    @Test
    void pluginClassesComeFromThePluginClassLoaderAndTheSdkFromTheApplication(PluginUnderTest plugin) {
        Skill greet = plugin.skill("greet");

        assertThat(greet.getClass().getClassLoader()).isSameAs(plugin.classLoader())
                .isInstanceOf(PluginClassLoader.class);
        // The plugin has its own copy of the class, as on the host: not the one on the test class path.
        assertThat(greet.getClass()).isNotSameAs(GreetSkill.class);
        assertThat(greet.getClass().getName()).isEqualTo(GreetSkill.class.getName());
        assertThat(Skill.class.getClassLoader()).isNotInstanceOf(PluginClassLoader.class);
        assertThat(greet).isInstanceOf(Skill.class);
    }

    @Test
    void descriptorAndSkillsAreReadFromTheBuildOutput(PluginUnderTest plugin) {
        assertThat(plugin.id()).isEqualTo("greetings");
        assertThat(plugin.version()).isEqualTo("1.2.3");
        assertThat(plugin.descriptor()).containsEntry("plugin.capabilities", "model.chat");
        assertThat(plugin.skills()).containsOnlyKeys("greet", "shout");
    }

    @Test
    void runUsesTheTestsGatewayAndThePluginId(PluginUnderTest plugin, FakeModelGateway models) {
        models.onChat("Good morning, Ada!");

        SkillRun run = plugin.run("greet").value("name", "Ada").run();

        assertThat(run.resultMap()).containsEntry("greeting", "Good morning, Ada!");
        models.assertSent("Greet Ada");
        assertThat(models).isSameAs(plugin.models()).isSameAs(gatewaySeenByBeforeEach);
    }

    @Test
    void eachTestStartsWithNothingSent(PluginUnderTest plugin) {
        plugin.models().assertNothingSent();
        assertThat(plugin.run("greet").value("name", "Bo").run().resultMap()).containsEntry("greeting", "Hello, Bo");
    }

    @Test
    void inputIsValidatedAgainstTheSpecBeforeTheSkillRuns(PluginUnderTest plugin) {
        assertThatThrownBy(() -> plugin.run("shout").run())
                .isInstanceOf(BadInputException.class).hasMessageContaining("'text' is required");
    }

    @Test
    void unknownSkillIsNamedWithTheSkillsThereAre(PluginUnderTest plugin) {
        assertThatThrownBy(() -> plugin.skill("whisper"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("[greet, shout]");
    }
}
