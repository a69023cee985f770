package cn.hbce.devserver.runtime;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * One function's "container" inside the devserver's JVM: the project's classes (those at the code
 * location of the function's handler, outside {@code cn.hbce.devserver}) are loaded again, child
 * first, so their static state (AppContext, AwsClients, Env, caches) belongs to this function
 * alone, as in its own Lambda execution environment. Everything else comes from the parent: the
 * JDK, the AWS SDK, Jackson and the Lambda runtime and event classes the gateway hands over. The
 * SDK holds no per-function state (AwsClients gives every client its region, endpoint and
 * credentials explicitly), so sharing it keeps a function's first call and the memory of ~40
 * functions small; the devserver's own code and its test doubles stay shared so tests can watch them.
 */
final class FunctionClassLoader extends URLClassLoader {
    private static final String DEVSERVER = "cn.hbce.devserver.";

    static {
        registerAsParallelCapable();
    }

    FunctionClassLoader(String functionId, URL codeLocation, ClassLoader parent) {
        super("function:" + functionId, new URL[] {codeLocation}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("cn.hbce.") && !name.startsWith(DEVSERVER)) {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
        return super.loadClass(name, resolve);
    }
}
