package io.irready.testing;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.CheckRegistry;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import java.util.List;

/**
 * Small real checks for testing the engine and the CLI without depending on which production
 * checks the catalog holds. They read {@link LogsInventory}, so that end-to-end runs go through
 * the real collector and wire format. Ids start with {@code test-} and never clash with the catalog.
 */
public final class TestChecks {
    public static final String RETENTION = "test-log-group-retention";
    public static final String PRESENT = "test-log-groups-present";
    public static final String BROKEN = "test-broken";

    private TestChecks() {
    }

    public static CheckRegistry registry(Check... checks) {
        return new CheckRegistry(List.of(checks));
    }

    /** The usual pair: a resource-level MEDIUM check and a region-level HIGH check. */
    public static CheckRegistry standard() {
        return registry(new LogGroupsPresent(), new LogGroupRetention());
    }

    public static CheckMetadata metadata(String id, Severity severity, Granularity granularity, List<String> permissions) {
        return new CheckMetadata(id, "Test check " + id, severity, "logs", "AWS::Logs::LogGroup", granularity,
                "Exists to test the engine.", new Remediation("Open the console.", "aws logs help"), permissions,
                new References(List.of("9.9"), List.of("Test.1"), List.of("aws.test.technique"), List.of("T1562.008")));
    }

    /** One finding per log group: retention at least {@code config.retentionDays()}, or never expiring. */
    public static final class LogGroupRetention implements Check {
        private final CheckMetadata metadata;

        public LogGroupRetention() {
            this(Severity.MEDIUM);
        }

        public LogGroupRetention(Severity severity) {
            metadata = TestChecks.metadata(RETENTION, severity, Granularity.RESOURCE, List.of("logs:DescribeLogGroups"));
        }

        @Override
        public CheckMetadata metadata() {
            return metadata;
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            int minimum = ctx.config().retentionDays();
            return ctx.service(LogsInventory.class).logGroups().stream().map(g -> judge(ctx, g, minimum)).toList();
        }

        private static Finding judge(CheckContext ctx, LogGroup g, int minimum) {
            if (g.retentionDays().isEmpty()) {
                return ctx.pass(g.arn(), "Log group " + g.name() + " never expires its events.");
            }
            int days = g.retentionDays().get();
            return days >= minimum
                    ? ctx.pass(g.arn(), "Log group " + g.name() + " keeps events for " + days + " days.")
                    : ctx.fail(g.arn(), "Log group " + g.name() + " keeps events for only " + days
                            + " days; set its retention to at least " + minimum + " days.");
        }
    }

    /** One finding per region: at least one log group exists. */
    public static final class LogGroupsPresent implements Check {
        private final CheckMetadata metadata;

        public LogGroupsPresent() {
            this(Severity.HIGH);
        }

        public LogGroupsPresent(Severity severity) {
            metadata = TestChecks.metadata(PRESENT, severity, Granularity.ACCOUNT_REGION,
                    List.of("logs:DescribeLogGroups", "logs:DescribeLogStreams"));
        }

        @Override
        public CheckMetadata metadata() {
            return metadata;
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            int count = ctx.service(LogsInventory.class).logGroups().size();
            return List.of(count > 0
                    ? ctx.pass(ctx.regionResourceId(), count + " log groups exist in " + ctx.region() + ".")
                    : ctx.fail(ctx.regionResourceId(), "No log group exists in " + ctx.region() + "."));
        }
    }

    /** A check with a bug: it throws something that is not an AWS failure. */
    public static final class Broken implements Check {
        private final CheckMetadata metadata;

        public Broken(Granularity granularity) {
            metadata = TestChecks.metadata(BROKEN, Severity.CRITICAL, granularity, List.of());
        }

        @Override
        public CheckMetadata metadata() {
            return metadata;
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            throw new IllegalStateException("index out of whack");
        }
    }
}
