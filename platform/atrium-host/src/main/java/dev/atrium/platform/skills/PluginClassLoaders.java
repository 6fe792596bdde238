package dev.atrium.platform.skills;

import java.util.concurrent.Callable;

/** Runs host code that calls into a plugin with the plugin's class loader as the thread context loader. */
public final class PluginClassLoaders {

    private PluginClassLoaders() {
    }

    /** Calls the action with the context class loader set, restoring the previous one afterwards. */
    public static <T> T callWith(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
