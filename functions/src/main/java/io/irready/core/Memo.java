package io.irready.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Memoisation for inventories: each AWS read is made at most once per evaluation, failures
 * included (a denied call is not repeated for every check that needs it). Checks run concurrently
 * over one inventory, so both forms are thread-safe: a second caller of a read in flight waits for
 * its outcome rather than making the call again.
 */
public final class Memo {
    private Memo() {
    }

    /** A value loaded on first use, then remembered (or its failure remembered). */
    public static <T> Supplier<T> of(Supplier<T> loader) {
        return new Supplier<>() {
            private Outcome<T> outcome;

            @Override
            public synchronized T get() {
                if (outcome == null) {
                    outcome = Outcome.of(loader::get);
                }
                return outcome.get();
            }
        };
    }

    /**
     * A function whose result per key is loaded on first use, then remembered (failures too). The map
     * only holds one memo per key: the read itself runs outside the map's lock, so reads of other keys
     * (and a loader that reads another key) never wait on it.
     */
    public static <K, V> Function<K, V> byKey(Function<K, V> loader) {
        Map<K, Supplier<V>> cache = new ConcurrentHashMap<>();
        return key -> cache.computeIfAbsent(key, k -> of(() -> loader.apply(k))).get();
    }

    private record Outcome<T>(T value, RuntimeException failure) {
        static <T> Outcome<T> of(Supplier<T> loader) {
            try {
                return new Outcome<>(loader.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        T get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
