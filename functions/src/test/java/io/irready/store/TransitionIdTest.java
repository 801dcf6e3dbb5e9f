package io.irready.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransitionIdTest {
    private static final String PK = "FINDING#123456789012#eu-west-1";
    private static final String SK = "logs-retention#arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/a";

    @Test
    void aFindingRecreatedAfterItsClosedItemExpiredGetsANewTransitionId() {
        // version 0 from no state happens twice when the resource comes back after the TTL removed the item
        String first = FindingStore.transitionId(PK, SK, null, 0, Instant.parse("2026-01-01T00:00:00Z"));
        String again = FindingStore.transitionId(PK, SK, null, 0, Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(again).isNotEqualTo(first);
    }

    @Test
    void theSameDecisionAlwaysYieldsTheSameId() {
        Instant at = Instant.parse("2026-11-27T05:00:00Z");
        assertThat(FindingStore.transitionId(PK, SK, FindingState.PASS, 3, at))
                .isEqualTo(FindingStore.transitionId(PK, SK, FindingState.PASS, 3, at))
                .hasSize(32).matches("[0-9a-f]+");
    }
}
