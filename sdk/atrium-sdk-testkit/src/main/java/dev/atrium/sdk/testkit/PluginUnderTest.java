package dev.atrium.sdk.testkit;

import dev.atrium.sdk.Skill;
import java.util.Map;
import java.util.Objects;

/**
 * The plugin an {@link AtriumPluginTest} loaded through PF4J from its build folder, with its skills by id.
 * Skills are the instances PF4J created from the plugin's own class loader, so use them through the
 * {@link Skill} interface: the plugin's classes seen from the test are other classes of the same name.
 *
 * <p>Each test method gets its own view with a fresh {@link FakeModelGateway} and empty
 * {@link InMemoryPluginStorage}; the loaded plugin is shared by the test class.
 *
 * <pre>{@code
 * @AtriumPluginTest
 * class HelloPluginTest {
 *     @Test
 *     void echoes(PluginUnderTest plugin) {
 *         SkillRun run = plugin.run("echo").value("text", "hi").run();
 *         assertThat(run.resultMap()).containsEntry("words", 1);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class PluginUnderTest {

    private final DevelopmentPlatform platform;
    private final FakeModelGateway models;
    private final InMemoryPluginStorage storage = new InMemoryPluginStorage();

    PluginUnderTest(DevelopmentPlatform platform, FakeModelGateway models) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * The plugin's id, from {@code plugin.id} of its descriptor.
     *
     * @since 0.1
     */
    public String id() {
        return platform.pluginId();
    }

    /**
     * The plugin's version, from {@code plugin.version} of its descriptor.
     *
     * @since 0.1
     */
    public String version() {
        return descriptor().get("plugin.version");
    }

    /**
     * Every property of the plugin's descriptor, such as {@code plugin.capabilities} and
     * {@code plugin.sensitive}.
     *
     * @since 0.1
     */
    public Map<String, String> descriptor() {
        return platform.descriptor();
    }

    /**
     * The plugin's skills by spec id, sorted by id, as the host registers them.
     *
     * @since 0.1
     */
    public Map<String, Skill> skills() {
        return platform.registry().skills(id());
    }

    /**
     * The skill with this spec id.
     *
     * @throws java.util.NoSuchElementException naming the skills there are, if there is none with the id
     * @since 0.1
     */
    public Skill skill(String skillId) {
        return platform.registry().skill(id(), Objects.requireNonNull(skillId, "skillId"));
    }

    /**
     * A harness for one run of the skill, set up as the platform would: this plugin's id, this test's
     * {@link #models()} and {@link #storage()}. Add inputs and settings, then call {@link SkillHarness#run()}.
     *
     * @throws java.util.NoSuchElementException if the plugin has no skill with the id
     * @since 0.1
     */
    public SkillHarness run(String skillId) {
        return SkillHarness.of(skill(skillId)).pluginId(id()).models(models).storage(storage);
    }

    /**
     * The model gateway runs of this test use; script it before the run, inspect it after.
     *
     * @since 0.1
     */
    public FakeModelGateway models() {
        return models;
    }

    /**
     * The plugin storage runs of this test share, as runs of one plugin share it on the host.
     *
     * @since 0.1
     */
    public InMemoryPluginStorage storage() {
        return storage;
    }

    /**
     * The PF4J class loader the plugin's classes were loaded with.
     *
     * @since 0.1
     */
    public ClassLoader classLoader() {
        return platform.pluginClassLoader();
    }

    /**
     * The plugin id and its skill ids, for assertion messages.
     *
     * @since 0.1
     */
    @Override
    public String toString() {
        return "PluginUnderTest[" + id() + " " + version() + ", skills " + skills().keySet() + "]";
    }
}
