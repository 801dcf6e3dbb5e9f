package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.checks.Catalog;
import io.irready.cli.format.Json;
import io.irready.core.Check;
import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PolicyCommandTest {
    @Test
    void printsOneAllowStatementWithTheSortedUnionPlusWhatScanNeeds() {
        CliRun run = CliRun.run(TestChecks.standard(), "policy");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "IrreadyReadOnlyAudit",
                      "Effect": "Allow",
                      "Action": [
                        "ec2:DescribeRegions",
                        "logs:DescribeLogGroups",
                        "logs:DescribeLogStreams",
                        "sts:GetCallerIdentity"
                      ],
                      "Resource": "*"
                    }
                  ]
                }
                """);
    }

    @Test
    void checksAndDisableNarrowThePolicy() {
        assertThat(actions(CliRun.run(TestChecks.standard(), "policy", "--checks", TestChecks.RETENTION)))
                .containsExactly("ec2:DescribeRegions", "logs:DescribeLogGroups", "sts:GetCallerIdentity");
        assertThat(actions(CliRun.run(TestChecks.standard(), "policy", "--disable", TestChecks.RETENTION)))
                .containsExactly("ec2:DescribeRegions", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
                        "sts:GetCallerIdentity");
        assertThat(actions(CliRun.run(TestChecks.standard(), "policy", "--disable",
                TestChecks.RETENTION + "," + TestChecks.PRESENT)))
                .containsExactly("ec2:DescribeRegions", "sts:GetCallerIdentity");
    }

    @Test
    void globsSelectByPrefix() {
        assertThat(actions(CliRun.run(TestChecks.standard(), "policy", "--checks", "test-log-group-*")))
                .containsExactly("ec2:DescribeRegions", "logs:DescribeLogGroups", "sts:GetCallerIdentity");
        assertThat(actions(CliRun.run(TestChecks.standard(), "policy", "--disable", "test-*")))
                .containsExactly("ec2:DescribeRegions", "sts:GetCallerIdentity");
        CliRun none = CliRun.run(TestChecks.standard(), "policy", "--checks", "cloudtrial-*");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("irready: no check id matches 'cloudtrial-*'; known: ");
    }

    @Test
    void anUnknownIdIsAUsageError() {
        CliRun run = CliRun.run(TestChecks.standard(), "policy", "--checks", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("irready: unknown check id 'nope'; known: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theShippedPolicyCoversEveryCatalogCheck() {
        List<String> actions = actions(CliRun.run(Catalog.registry(), "policy"));

        for (Check check : Catalog.all()) {
            assertThat(actions).as(check.id()).containsAll(check.metadata().permissions());
        }
        assertThat(actions).contains("sts:GetCallerIdentity", "ec2:DescribeRegions").isSorted().doesNotHaveDuplicates();
        // API Gateway authorises its management API by HTTP method: apigateway:GET is its read-only action
        assertThat(actions).allSatisfy(a -> assertThat(a)
                .matches("[a-z0-9-]+:(Describe|Get|List|Lookup|Simulate)\\w*|apigateway:GET"));
    }

    private static List<String> actions(CliRun run) {
        assertThat(run.exitCode()).isZero();
        JsonNode statement = Json.read(run.out()).get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.get("Resource").asText()).isEqualTo("*");
        return StreamSupport.stream(statement.get("Action").spliterator(), false).map(JsonNode::asText).toList();
    }
}
