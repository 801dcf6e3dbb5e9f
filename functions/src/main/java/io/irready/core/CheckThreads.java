package io.irready.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * The threads checks run on. Checks are pure over an inventory whose reads are memoised and
 * thread-safe, and most of their time is spent waiting on AWS, so one evaluation runs its checks
 * side by side: the services they read are then collected in parallel. The calling thread takes
 * part, helped by one small pool shared by the whole process: every evaluation progresses even when
 * the pool is busy with others (regions and accounts evaluated at once), nothing can starve waiting
 * on the pool, and the extra threads stay bounded. Each service's calls in flight are bounded
 * separately, where the calls are made.
 *
 * <p>Platform threads rather than virtual ones: the Lambda runtime is Java 21, where a virtual thread
 * blocked inside {@code synchronized} (the memos, parts of the SDK) pins its carrier.
 */
final class CheckThreads {
    /** Helper threads in this process, shared by every evaluation. */
    static final int SIZE = 8;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(SIZE, task -> {
        Thread thread = new Thread(task, "irready-checks");
        thread.setDaemon(true);
        return thread;
    });

    private CheckThreads() {
    }

    /**
     * {@code work} applied to each item, the results in the items' order whatever finishes first. The
     * caller and up to {@link #SIZE} helpers take the items one at a time; without {@code parallel} (or
     * with one item) the caller does them all, in order. The caller's logging context (the event id)
     * goes with each item. What {@code work} throws is rethrown once every item is done.
     */
    static <T, R> List<R> inOrder(List<T> items, boolean parallel, Function<T, R> work) {
        if (!parallel || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        Runnable takeItems = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = work.apply(items.get(i));
                } catch (Throwable t) {
                    failures[i] = t;
                } finally {
                    done.countDown();
                }
            }
        };
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 0; h < Math.min(n - 1, SIZE); h++) {
            helpers.add(POOL.submit(() -> onPool(logContext, takeItems)));
        }
        takeItems.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            helpers.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checks were running", e);
        }
        helpers.forEach(f -> f.cancel(false)); // helpers still queued have nothing left to take
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
        List<R> ordered = new ArrayList<>(n);
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            R r = (R) result;
            ordered.add(r);
        }
        return ordered;
    }

    private static void onPool(Map<String, String> logContext, Runnable work) {
        // pool threads outlive the event that created them: its logging context must not stick to them
        if (logContext == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(logContext);
        }
        try {
            work.run();
        } finally {
            MDC.clear();
        }
    }
}
