package io.irready.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegionFanOutTest {
    private static final List<String> REGIONS = List.of("us-west-2", "eu-west-1", "ap-southeast-2", "eu-central-1",
            "us-east-1", "sa-east-1", "ca-central-1", "eu-north-1", "ap-northeast-1");

    @Test
    void sweepsRegionsInParallelBoundedAndInTheConfiguredOrder() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Random latency = new Random(11);

        var outcomes = RegionFanOut.each(REGIONS, region -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50 + latency.nextInt(100)); // regions finish in no particular order
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return "swept " + region;
        });

        assertThat(outcomes.keySet()).containsExactlyElementsOf(REGIONS);
        assertThat(outcomes.values()).containsExactlyElementsOf(REGIONS.stream().map(r -> "swept " + r).toList());
        assertThat(most.get()).as("regions overlap, at most %d at once", RegionFanOut.AT_ONCE)
                .isBetween(2, RegionFanOut.AT_ONCE);
    }

    @Test
    void aFailureTheSweepDidNotHandleStillSurfaces() {
        assertThatThrownBy(() -> RegionFanOut.each(REGIONS, region -> {
            if (region.equals("us-east-1")) {
                throw new IllegalStateException("bug in " + region);
            }
            return region;
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug in us-east-1");
    }
}
