package dev.atrium.platform.plugins;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Host services handed to plugins (the model gateway, text tools, document kit) run with the host's class
 * loader as the thread's context class loader, whatever thread the plugin calls them on. Libraries behind
 * them (ONNX Runtime, POI's XMLBeans, the OpenAI SDK) find their resources through that loader, which a
 * plugin's isolating loader would hide.
 */
public final class HostCalls {

    private static final ClassLoader HOST = HostCalls.class.getClassLoader();

    private HostCalls() {
    }

    /**
     * Wraps an SDK interface so every call, and every SDK interface it returns, runs under the host's
     * context class loader.
     */
    @SuppressWarnings("unchecked")
    public static <T> T wrap(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(HOST, new Class<?>[] {type}, new HostLoaderHandler(target));
    }

    private record HostLoaderHandler(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            if (method.isDefault()) {
                // Defaults (such as ModelGateway.chat()) must call back through the proxy, not the target.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(HOST);
            try {
                Object result = method.invoke(target, args);
                Class<?> returned = method.getReturnType();
                if (result != null && returned.isInterface() && returned.getName().startsWith("dev.atrium.sdk.")) {
                    return wrapAny(returned, result);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object wrapAny(Class<?> type, Object value) {
            return wrap((Class) type, value);
        }
    }
}
