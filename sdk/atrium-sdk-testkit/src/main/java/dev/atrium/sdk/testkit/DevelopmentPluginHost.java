package dev.atrium.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;
import org.pf4j.BasePluginLoader;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginClasspath;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager in development mode, pointed at one plugin project: the descriptor from where the plugin
 * parent writes it, the classes and library jars from the build folder, and an optional {@code plugin.class}
 * as on the host.
 */
final class DevelopmentPluginHost extends DefaultPluginManager {

    // PF4J calls the create* methods from its own constructor, before this class's fields are set, so they
    // read the location through this supplier only when a plugin is loaded.
    private final Supplier<PluginLocation> location;

    DevelopmentPluginHost(PluginLocation location, String sdkVersion) {
        super(location.projectDir().getParent() != null ? location.projectDir().getParent()
                : location.projectDir());
        this.location = () -> location;
        setSystemVersion(sdkVersion);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEVELOPMENT;
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new PropertiesPluginDescriptorFinder() {
            @Override
            protected Properties readProperties(Path pluginPath) {
                Properties descriptor = DevelopmentPluginHost.readDescriptor(location.get().descriptor());
                // As on the platform, each plugin loads on its own: the plugins it needs are checked when it is
                // installed, not loaded beside it, so a declared dependency must not stop it loading here.
                descriptor.remove(PLUGIN_DEPENDENCIES);
                return descriptor;
            }
        };
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new PluginLoader() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return Files.isDirectory(pluginPath);
            }

            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                PluginLocation where = location.get();
                PluginClasspath classpath = new PluginClasspath()
                        .addClassesDirectories(where.classesDir().toString())
                        .addJarsDirectories(where.libDir().toString());
                return new BasePluginLoader(DevelopmentPluginHost.this, classpath).loadPlugin(pluginPath, descriptor);
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                String pluginClass = wrapper.getDescriptor().getPluginClass();
                // As on the host: a plugin that only contributes extensions needs no Plugin subclass.
                return pluginClass == null || pluginClass.isBlank() ? new Plugin() { } : super.create(wrapper);
            }
        };
    }

    static Properties readDescriptor(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugin descriptor " + file, e);
        }
        return properties;
    }
}
