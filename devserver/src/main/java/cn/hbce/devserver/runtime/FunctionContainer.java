package cn.hbce.devserver.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Method;
import java.net.URL;
import java.security.CodeSource;
import java.util.Map;

/**
 * A function's execution environment, made at its first invocation (a cold start): its own class
 * loader, its own environment handed to its own copy of {@code cn.hbce.common.config.Env} before
 * anything else of it runs, then its handler created through the no-argument constructor.
 */
public final class FunctionContainer {
    private static final String ENV_CLASS = "cn.hbce.common.config.Env";
    private final String functionId;
    private final RequestHandler<Object, Object> handler;
    private final ClassLoader loader;

    private FunctionContainer(String functionId, RequestHandler<Object, Object> handler, ClassLoader loader) {
        this.functionId = functionId;
        this.handler = handler;
        this.loader = loader;
    }

    /**
     * A handler of the project gets a loader of its own and {@code environment}; a handler of the
     * devserver itself (test doubles under {@code cn.hbce.devserver}) is shared and gets nothing.
     */
    @SuppressWarnings("unchecked")
    public static FunctionContainer start(String functionId, String handlerSpec, Map<String, String> environment) {
        String className = handlerSpec.contains("::") ? handlerSpec.substring(0, handlerSpec.indexOf("::")) : handlerSpec;
        ClassLoader parent = FunctionContainer.class.getClassLoader();
        ClassLoader loader = parent;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            if (!className.startsWith("cn.hbce.devserver.")) {
                loader = new FunctionClassLoader(functionId, codeLocation(className, parent), parent);
                supplyEnvironment(loader, environment);
            }
            thread.setContextClassLoader(loader);
            Class<?> type = Class.forName(className, true, loader);
            return new FunctionContainer(functionId, (RequestHandler<Object, Object>) type.getConstructor().newInstance(), loader);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Cannot create handler " + className + " of " + functionId, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create handler " + className + " of " + functionId, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public String functionId() {
        return functionId;
    }

    public RequestHandler<Object, Object> handler() {
        return handler;
    }

    /** The loader the function's code runs with (the thread's context loader during an invocation). */
    public ClassLoader loader() {
        return loader;
    }

    private static URL codeLocation(String className, ClassLoader parent) throws ClassNotFoundException {
        CodeSource source = Class.forName(className, false, parent).getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("No code location for " + className);
        }
        return source.getLocation();
    }

    private static void supplyEnvironment(ClassLoader loader, Map<String, String> environment) throws ReflectiveOperationException {
        Class<?> env = Class.forName(ENV_CLASS, true, loader);
        if (env.getClassLoader() != loader) {
            throw new IllegalStateException(ENV_CLASS + " is not at the handler's code location: its environment would be shared");
        }
        Method supply = env.getMethod("supply", Map.class);
        supply.invoke(null, environment);
    }
}
