package dev.atrium.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.AtriumPluginTest;
import dev.atrium.sdk.testkit.PluginUnderTest;
import dev.atrium.sdk.testkit.SkillRun;
import org.junit.jupiter.api.Test;

/** The plugin as the platform loads it: through PF4J, from the build output, skills found by the index. */
// tag::plugin-test[]
@AtriumPluginTest
class HelloPluginTest {

    @Test
    void platformFindsTheSkillsUnderThePluginsId(PluginUnderTest plugin) {
        assertThat(plugin.id()).isEqualTo("hello");
        assertThat(plugin.descriptor()).containsKeys("plugin.requires", "plugin.capabilities", "plugin.sensitive");
        assertThat(plugin.skills()).containsOnlyKeys("echo", "ping", "summarize");
    }

    @Test
    void skillsComeFromThePluginsOwnClassLoader(PluginUnderTest plugin) {
        Skill echo = plugin.skill("echo");

        assertThat(echo.getClass().getClassLoader()).isSameAs(plugin.classLoader());
        assertThat(echo.getClass()).isNotSameAs(EchoSkill.class);
    }

    @Test
    void echoRunsAsOnThePlatform(PluginUnderTest plugin) {
        SkillRun run = plugin.run("echo").value("text", "hello atrium").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.text()).isEqualTo("hello atrium");
        assertThat(run.resultMap()).containsEntry("words", 2);
        plugin.models().assertNothingSent();
    }
}
// end::plugin-test[]
