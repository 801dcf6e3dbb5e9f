package io.irready.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * A sweep's regions, a few at a time: each region is its own inventory and mostly waits on AWS, so
 * regions overlap well, but a bound keeps the calls one sweep sends at once (and its threads) small.
 * The outcomes come back in the regions' order, whichever finishes first, so what a sweep reports
 * and stores does not depend on timing.
 */
final class RegionFanOut {
    /** Regions swept at once. */
    static final int AT_ONCE = 4;

    private RegionFanOut() {
    }

    /**
     * {@code sweep} applied to each region, keyed by region in the given order. {@code sweep} is expected
     * to handle its own failures; one it throws anyway propagates once every region has finished.
     */
    static <R> Map<String, R> each(List<String> regions, Function<String, R> sweep) {
        Map<String, R> outcomes = new LinkedHashMap<>();
        if (regions.size() < 2) {
            regions.forEach(region -> outcomes.put(region, sweep.apply(region)));
            return outcomes;
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<Future<R>> futures = new ArrayList<>();
        // a pool per sweep, closed with it: nothing outlives the invocation that started it
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, regions.size()), task -> {
            Thread thread = new Thread(task, "irready-region");
            thread.setDaemon(true);
            return thread;
        })) {
            for (String region : regions) {
                futures.add(pool.submit(() -> {
                    if (logContext != null) {
                        MDC.setContextMap(logContext);
                    }
                    return sweep.apply(region);
                }));
            }
            for (int i = 0; i < regions.size(); i++) {
                outcomes.put(regions.get(i), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sweeping regions", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return outcomes;
    }
}
