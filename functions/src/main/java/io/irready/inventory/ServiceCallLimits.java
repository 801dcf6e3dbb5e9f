package io.irready.inventory;

import io.irready.core.AwsCallFailedException;
import io.irready.core.AwsCallFailedException.Kind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@link #PER_SERVICE} calls in flight per AWS service in this process. Checks run
 * concurrently, so without a bound a sweep could fire a dozen reads at one service at once and be
 * throttled; with it, different services overlap while each sees about what a sequential reader
 * plus a little would send. The bound is per service, not per region: it is stricter than AWS's
 * per-account-and-region rate limits, which keeps throttling rare when regions run in parallel too.
 *
 * <p>A call made while the same thread already holds a permit (a collector that calls inside
 * another call) rides on that permit, so nested calls can never wait on each other. A permit that
 * does not come within {@link #MAX_WAIT_SECONDS} is not waited for any longer: the call goes ahead
 * (and is logged), because a slow sweep is better than a stuck one.
 */
public final class ServiceCallLimits {
    /** Calls in flight per service. */
    public static final int PER_SERVICE = 3;
    static final long MAX_WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCallLimits.class);
    private static final Map<String, Semaphore> PERMITS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);

    private ServiceCallLimits() {
    }

    /** Runs {@code call} (an SDK call for IAM action {@code action}) within its service's bound. */
    static <T> T within(String action, Supplier<T> call) {
        if (HOLDING.get()) {
            return call.get();
        }
        String service = service(action);
        Semaphore permits = PERMITS.computeIfAbsent(service, s -> new Semaphore(PER_SERVICE, true));
        boolean acquired = acquire(permits, action);
        HOLDING.set(true);
        try {
            return call.get();
        } finally {
            HOLDING.set(false);
            if (acquired) {
                permits.release();
            }
        }
    }

    private static boolean acquire(Semaphore permits, String action) {
        try {
            if (permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            LOG.warn("{} waited {} s for one of {} calls in flight to its service; calling anyway", action,
                    MAX_WAIT_SECONDS, PER_SERVICE);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallFailedException(action, "Interrupted", Kind.FAULT,
                    "interrupted while waiting to call the service", e);
        }
    }

    /** The service part of an IAM action ({@code ec2} of {@code ec2:DescribeVpcs}). */
    static String service(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }
}
