package dev.atrium.platform.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the host API ({@link HostApi}) from the host, the JDK from the platform loader,
 * everything else from the plugin's own archive only. The host's own libraries (Spring, Jackson, the
 * platform) stay invisible, so a plugin cannot come to depend on them by accident.
 */
final class IsolatingPluginClassLoader extends PluginClassLoader {

    private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();

    private final ClassLoader host;

    IsolatingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host);
        this.host = host;
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        return loadClass(name, false);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (name.startsWith("java.")) {
                return JDK.loadClass(name);
            }
            if (HostApi.isShared(name)) {
                return host.loadClass(name);
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            try {
                return findClass(name);
            } catch (ClassNotFoundException notInPlugin) {
                return JDK.loadClass(name);
            }
        }
    }

    @Override
    public URL getResource(String name) {
        if (HostApi.isShared(name)) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : JDK.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(HostApi.isShared(name) ? host.getResources(name) : JDK.getResources(name)));
        return Collections.enumeration(urls);
    }
}
