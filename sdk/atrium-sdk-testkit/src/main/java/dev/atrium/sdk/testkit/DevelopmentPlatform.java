package dev.atrium.sdk.testkit;

import dev.atrium.sdk.SdkVersion;
import dev.atrium.sdk.Skill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The platform's core without the web: a PF4J manager with the plugin under test loaded from its build
 * folder, started, and its skills registered by spec id. Closing it stops and unloads the plugin.
 */
final class DevelopmentPlatform implements AutoCloseable {

    private final DevelopmentPluginHost host;
    private final String pluginId;
    private final Map<String, String> descriptor;
    private final SkillRegistry registry = new SkillRegistry();

    private DevelopmentPlatform(DevelopmentPluginHost host, String pluginId, Map<String, String> descriptor) {
        this.host = host;
        this.pluginId = pluginId;
        this.descriptor = descriptor;
    }

    /**
     * Loads and starts the plugin, or fails with a message saying what is missing and how to get it.
     *
     * @throws IllegalStateException if the build output is missing or the plugin cannot be started
     */
    static DevelopmentPlatform boot(PluginLocation location) {
        checkBuildOutput(location);
        Properties properties = DevelopmentPluginHost.readDescriptor(location.descriptor());
        String id = properties.getProperty("plugin.id", "").strip();
        if (id.isEmpty() || properties.getProperty("plugin.version", "").isBlank()) {
            throw new IllegalStateException("plugin descriptor " + location.descriptor()
                    + " needs plugin.id and plugin.version");
        }
        checkRequires(id, properties.getProperty("plugin.requires", "").strip(), location);

        DevelopmentPluginHost host = new DevelopmentPluginHost(location, SdkVersion.current());
        try {
            String loaded = host.loadPlugin(location.projectDir());
            PluginState state = host.startPlugin(loaded);
            PluginWrapper wrapper = host.getPlugin(loaded);
            if (state != PluginState.STARTED) {
                Throwable cause = wrapper.getFailedException();
                throw new IllegalStateException("plugin '" + loaded + "' did not start (state " + state + ")"
                        + (cause != null ? ": " + cause : ""), cause);
            }
            Map<String, String> descriptor = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted()
                    .forEach(key -> descriptor.put(key, properties.getProperty(key)));
            DevelopmentPlatform platform = new DevelopmentPlatform(host, loaded, Map.copyOf(descriptor));
            platform.registerSkills(location);
            return platform;
        } catch (RuntimeException e) {
            host.stopPlugins();
            host.unloadPlugins();
            throw e;
        }
    }

    private void registerSkills(PluginLocation location) {
        List<Skill> skills = host.getExtensions(Skill.class, pluginId);
        List<String> indexed = indexEntries(location.extensionIndex());
        if (skills.isEmpty() && !indexed.isEmpty()) {
            // The usual cause: the plugin's classes saw a different Skill interface (an SDK jar in target/lib).
            throw new IllegalStateException("plugin '" + pluginId + "' lists " + indexed + " in "
                    + location.extensionIndex() + " but none was found as a dev.atrium.sdk.Skill extension;"
                    + " is the SDK bundled with the plugin instead of at provided scope?");
        }
        registry.register(pluginId, skills);
    }

    private static void checkBuildOutput(PluginLocation location) {
        boolean classes = Files.isDirectory(location.classesDir());
        boolean index = Files.isRegularFile(location.extensionIndex());
        boolean descriptor = Files.isRegularFile(location.descriptor());
        String build = "; run `mvn process-classes` (or any later phase) in " + location.projectDir() + " first";
        if (!classes) {
            throw new IllegalStateException("no compiled plugin classes at " + location.classesDir() + build);
        }
        if (!index && !descriptor) {
            throw new IllegalStateException("neither the plugin descriptor " + location.descriptor()
                    + " nor the extension index " + location.extensionIndex() + " exists" + build);
        }
        if (!descriptor) {
            throw new IllegalStateException("no plugin descriptor at " + location.descriptor()
                    + " (the Atrium plugin parent writes it in process-resources)" + build
                    + ", or point @AtriumPluginTest(descriptor = ...) at it");
        }
        if (!index) {
            throw new IllegalStateException("no extension index at " + location.extensionIndex()
                    + ": PF4J's annotation processor writes it when it compiles a class annotated @Extension;"
                    + " check that the skills carry @org.pf4j.Extension and that pf4j is on the compile path"
                    + build);
        }
    }

    private static void checkRequires(String id, String requires, PluginLocation location) {
        if (requires.isEmpty() || requires.equals("*")) {
            return;
        }
        String sdk = SdkVersion.current();
        boolean compatible;
        try {
            compatible = new DefaultVersionManager().checkVersionConstraint(sdk, requires);
        } catch (RuntimeException e) {
            throw new IllegalStateException("plugin '" + id + "': plugin.requires in " + location.descriptor()
                    + " is not a version range: '" + requires + "'", e);
        }
        if (!compatible) {
            throw new IllegalStateException("plugin '" + id + "' requires SDK " + requires + " but the testkit runs SDK "
                    + sdk + "; the host would refuse it too. Change plugin.requires or test against a matching SDK");
        }
    }

    private static List<String> indexEntries(Path index) {
        try {
            return Files.readAllLines(index).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String pluginId() {
        return pluginId;
    }

    Map<String, String> descriptor() {
        return descriptor;
    }

    SkillRegistry registry() {
        return registry;
    }

    ClassLoader pluginClassLoader() {
        return host.getPluginClassLoader(pluginId);
    }

    @Override
    public void close() {
        host.stopPlugins();
        host.unloadPlugins();
    }
}
