package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.checks.eks.EksAuditLogs;
import io.irready.testing.AwsFailures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-resource walk the resource-level checks share. */
class EachResourceTest {
    private static final CheckMetadata METADATA = new EksAuditLogs().metadata();
    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    private static CheckContext ctx(Scope scope) {
        return new CheckContext(METADATA, "123456789012", "eu-west-1",
                Inventory.builder("123456789012", "eu-west-1").build(), Config.defaults(), scope, NOW);
    }

    private static Finding judge(CheckContext ctx, String id) {
        if (id.equals("b")) {
            throw AwsFailures.denied("eks:DescribeCluster");
        }
        return ctx.pass(id, "fine");
    }

    @Test
    void aFailedReadIsAnErrorForThatResourceOnlyAndTheScopeDecidesWhatIsJudged() {
        CheckContext region = ctx(Scope.REGION);
        List<Finding> all = EachResource.judge(region, List.of("a", "b", "c"), id -> id, id -> judge(region, id));
        assertThat(all).extracting(Finding::resourceId, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("b", Status.ERROR),
                org.assertj.core.groups.Tuple.tuple("c", Status.PASS));
        assertThat(all.get(1).reason()).isEqualTo(region.error("b", AwsFailures.denied("eks:DescribeCluster")).reason());

        CheckContext named = ctx(Scope.of(Set.of("c")));
        assertThat(EachResource.judge(named, List.of("a", "b", "c"), id -> id, id -> judge(named, id)))
                .extracting(Finding::resourceId).containsExactly("c");
    }

    @Test
    void aBugIsNotTurnedIntoAnError() {
        CheckContext region = ctx(Scope.REGION);
        assertThatThrownBy(() -> EachResource.judge(region, List.of("a"), id -> id, id -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
    }
}
