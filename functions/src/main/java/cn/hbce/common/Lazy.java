package cn.hbce.common;

import java.util.function.Supplier;

/**
 * A value computed on its first use and then kept. The wiring builds every collaborator through
 * one of these, so a function pays only for the parts it touches; a failed computation is not
 * kept and is tried again on the next call.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> source;
    private volatile T value;

    private Lazy(Supplier<? extends T> source) {
        this.source = source;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> source) {
        return new Lazy<>(source);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = source.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** Whether the value has been computed (nothing is computed by asking). */
    public boolean isPresent() {
        return value != null;
    }
}
