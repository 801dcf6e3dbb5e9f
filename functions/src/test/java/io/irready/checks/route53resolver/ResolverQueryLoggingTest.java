package io.irready.checks.route53resolver;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.Vpc;
import io.irready.inventory.route53resolver.QueryLogAssociation;
import io.irready.inventory.route53resolver.QueryLogInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolverQueryLoggingTest {
    private static final String LOGGED = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1";
    private static final String UNLOGGED = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-2";
    private static final String SHARED = "arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-3";
    private final CheckHarness check = CheckHarness.of(new ResolverQueryLogging());

    @Test
    void judgesEveryVpc() {
        QueryLogInventory logs = QueryLogInventory.of(List.of(
                new QueryLogAssociation("a1", "rqlc-1", "vpc-1", "ACTIVE", Optional.empty()),
                new QueryLogAssociation("a3", "rqlc-9", "vpc-3", "ACTION_NEEDED",
                        Optional.of("The destination log group was deleted"))));

        List<Finding> findings = check.findings(inventory().with(QueryLogInventory.class, logs)
                .with(Ec2Inventory.class, vpcs(new Vpc("vpc-1", "123456789012", true),
                        new Vpc("vpc-2", "123456789012", false), new Vpc("vpc-3", "210987654321", false))).build());

        assertThat(findings).extracting(Finding::resourceId, Finding::status, Finding::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LOGGED, Status.PASS,
                        "VPC vpc-1 logs its DNS queries to Resolver query log config rqlc-1."),
                org.assertj.core.groups.Tuple.tuple(UNLOGGED, Status.FAIL,
                        "VPC vpc-2 is not associated with any Route 53 Resolver query log config: its DNS queries "
                                + "are not recorded. Associate one (aws route53resolver "
                                + "associate-resolver-query-log-config --resource-id vpc-2)."),
                org.assertj.core.groups.Tuple.tuple(SHARED, Status.FAIL,
                        "VPC vpc-3 has no ACTIVE Resolver query log association: rqlc-9 is ACTION_NEEDED (The "
                                + "destination log group was deleted). Fix the destination or re-associate the VPC."));
    }

    private static Ec2Inventory vpcs(Vpc... vpcs) {
        return Ec2Inventory.of(List.of(vpcs), List.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void regionWithoutVpcsHasNoFindings() {
        assertThat(check.findings(inventory().with(QueryLogInventory.class, QueryLogInventory.of(List.of()))
                .with(Ec2Inventory.class, vpcs()).build())).isEmpty();
    }

    @Test
    void deniedAssociationsAreAnError() {
        QueryLogInventory logs = new QueryLogInventory(() -> {
            throw denied("route53resolver:ListResolverQueryLogConfigAssociations");
        });
        List<Finding> findings = check.findings(inventory().with(QueryLogInventory.class, logs)
                .with(Ec2Inventory.class, vpcs(new Vpc("vpc-2", "123456789012", false))).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to "
                    + "route53resolver:ListResolverQueryLogConfigAssociations");
        });
    }
}
