package io.irready.store;

import static io.irready.store.StoreFixture.ACCOUNT;
import static io.irready.store.StoreFixture.NOW;
import static io.irready.store.StoreFixture.REGION;
import static io.irready.store.StoreFixture.STOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the table remembers per event: processed deliveries and tamper attempts, once each. */
class EventLedgerTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    String table;
    EventLedger ledger;
    Outbox outbox;

    @BeforeEach
    void newTable() {
        table = DYNALITE.newTable();
        ledger = new EventLedger(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        outbox = new Outbox(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void tamperAttemptsAreStoredOncePerEvent() {
        TamperAttempt attempt = new TamperAttempt("ev-9", "cloudtrail.amazonaws.com", "StopLogging", "AccessDenied",
                "not authorized", ACCOUNT, REGION, STOP, List.of("cloudtrail-logging-all-regions"),
                List.of("arn:aws:cloudtrail:eu-west-1:123456789012:trail/main"));

        assertThat(ledger.recordTamper(attempt)).isTrue();
        assertThat(ledger.recordTamper(attempt)).isFalse();
        assertThat(outbox.unsent()).containsExactly(attempt);

        outbox.markSent(attempt, "sns-1");
        assertThat(outbox.unsent()).isEmpty();
    }

    @Test
    void processedEventsAreRemembered() {
        assertThat(ledger.processed("ev-1")).isFalse();
        ledger.markProcessed("ev-1");
        assertThat(ledger.processed("ev-1")).isTrue();
        assertThat(ledger.processed("ev-1#recheck")).isFalse();
    }
}
