package cn.hbce.common.aws;

import cn.hbce.common.Lazy;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;

/**
 * An SDK client that is built on its first call. Building one costs hundreds of milliseconds
 * (HTTP client, TLS trust store, endpoint rules); repositories and workflows are wired with this
 * stand-in, so a function that never calls Step Functions never builds that client, and a handler
 * is constructed in milliseconds. SnapStart priming builds the clients a function uses before the
 * snapshot, so on AWS the first request does not pay for it either.
 */
public final class LazyClient {
    private LazyClient() {
    }

    public static <T extends SdkClient> T of(Class<T> type, Supplier<T> factory) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Handler(type.getSimpleName(), Lazy.of(factory))));
    }

    /** False only for a stand-in whose real client has not been built yet. */
    public static boolean isBuilt(SdkClient client) {
        return !Proxy.isProxyClass(client.getClass())
                || !(Proxy.getInvocationHandler(client) instanceof Handler h)
                || h.real.isPresent();
    }

    private record Handler(String name, Lazy<? extends SdkClient> real) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "LazyClient[" + name + (real.isPresent() ? ", built]" : ", not built]");
                };
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0 && !real.isPresent()) {
                return null;
            }
            try {
                return method.invoke(real.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
