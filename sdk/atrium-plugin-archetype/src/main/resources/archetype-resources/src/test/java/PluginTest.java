package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.testkit.AtriumPluginTest;
import dev.atrium.sdk.testkit.PluginUnderTest;
import dev.atrium.sdk.testkit.SkillRun;
import dev.atrium.sdk.testkit.architecture.AtriumArchitectureRules;
import org.junit.jupiter.api.Test;

/** The plugin as the platform loads it: through PF4J, from the build output, with its skills found by the index. */
@AtriumPluginTest
class PluginTest {

    @Test
    void thePlatformFindsTheSkillAndRunsIt(PluginUnderTest plugin) {
        assertThat(plugin.id()).isEqualTo("${pluginId}");
        assertThat(plugin.skills()).containsKey("summarize");

        SkillRun run = plugin.run("summarize").value("text", "One sentence. Another sentence.").run();

        assertThat(run.succeeded()).as("%s", run).isTrue();
    }

    @Test
    void keepsThePluginBoundaries() {
        // Only the SDK, the JDK and the libraries named here; no blocking calls on reactive paths.
        AtriumArchitectureRules.checkPlugin("${package}");
    }
}
