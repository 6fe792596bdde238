package dev.atrium.platform.plugins;

import java.nio.file.Path;
import java.util.Properties;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * PF4J's manager with Atrium's rules: isolating class loaders, an optional {@code plugin.class}, and
 * enablement kept by {@link PluginCatalog} (a disabled plugin is not loaded at all, so its class loader
 * can be collected).
 */
final class AtriumPluginManager extends DefaultPluginManager {

    private final ClassLoader host = AtriumPluginManager.class.getClassLoader();

    AtriumPluginManager(Path pluginsRoot, String sdkVersion) {
        super(pluginsRoot);
        setSystemVersion(sdkVersion);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return new IsolatingPluginClassLoader(pluginManager, descriptor, host);
                    }
                })
                .add(new JarPluginLoader(this) {
                    @Override
                    public ClassLoader loadPlugin(Path path, PluginDescriptor descriptor) {
                        PluginClassLoader loader = new IsolatingPluginClassLoader(pluginManager, descriptor, host);
                        loader.addFile(path.toFile());
                        return loader;
                    }
                });
    }

    /**
     * Each plugin version runs in a manager of its own, so PF4J never sees the other plugins: the catalog checks
     * {@code plugin.dependencies} against the installed plugins itself, and plugins share no classes.
     */
    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new PropertiesPluginDescriptorFinder() {
            @Override
            protected PluginDescriptor createPluginDescriptor(Properties properties) {
                properties.remove(PLUGIN_DEPENDENCIES);
                return super.createPluginDescriptor(properties);
            }
        };
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
            }

            @Override
            public void enablePlugin(String pluginId) {
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                String pluginClass = wrapper.getDescriptor().getPluginClass();
                // Most plugins only contribute extensions; they need no Plugin subclass.
                return pluginClass == null || pluginClass.isBlank() ? new Plugin() { } : super.create(wrapper);
            }
        };
    }
}
