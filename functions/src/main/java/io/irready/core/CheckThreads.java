package io.irready.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * The threads checks run on. Checks are pure over an inventory whose reads are memoised and
 * thread-safe, and most of their time is spent waiting on AWS, so one evaluation runs its checks
 * side by side: the services they read are then collected in parallel. One small pool serves the
 * whole process, which bounds the total however many regions or accounts are evaluated at once
 * (their own threads wait here, they never run checks themselves); each service's calls in flight
 * are bounded separately, where the calls are made.
 *
 * <p>Platform threads rather than virtual ones: the Lambda runtime is Java 21, where a virtual thread
 * blocked inside {@code synchronized} (the memos, parts of the SDK) pins its carrier.
 */
final class CheckThreads {
    /** Checks running at once in this process. */
    static final int SIZE = 8;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(SIZE, task -> {
        Thread thread = new Thread(task, "irready-checks");
        thread.setDaemon(true);
        return thread;
    });
    private static final ThreadLocal<Boolean> ON_POOL = ThreadLocal.withInitial(() -> false);

    private CheckThreads() {
    }

    /**
     * {@code work} applied to each item, the results in the items' order whatever finishes first. Runs
     * in the caller's thread when there is nothing to overlap, when asked to ({@code parallel} false),
     * or when the caller already is one of these threads (waiting on the pool from inside it could
     * starve it). The caller's logging context (the event id) goes with each item.
     */
    static <T, R> List<R> inOrder(List<T> items, boolean parallel, Function<T, R> work) {
        if (!parallel || items.size() < 2 || ON_POOL.get()) {
            return items.stream().map(work).toList();
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(POOL.submit(() -> onPool(logContext, () -> work.apply(item))));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checks were running", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    private static <R> R onPool(Map<String, String> logContext, java.util.function.Supplier<R> work) {
        // pool threads outlive the event that created them: its logging context must not stick to them
        if (logContext == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(logContext);
        }
        ON_POOL.set(true);
        try {
            return work.get();
        } finally {
            ON_POOL.set(false);
            MDC.clear();
        }
    }
}
