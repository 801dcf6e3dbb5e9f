package io.irready.cli;

import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.cli.format.Json;
import io.irready.testing.AwsWire;
import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code irready scan --accounts}: one account reachable, one whose audit role cannot be assumed. */
class ScanAccountsTest {
    private static final String HOME = AwsWire.ACCOUNT;
    private static final String MEMBER = "222222222222";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private CliRun scan(String... args) {
        return CliRun.scan(aws, TestChecks.standard(), args);
    }

    private void homeAccountWithALogGroup() {
        CliRun.stubCallerIdentity(aws, HOME);
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").willReturn(json("{\"logGroups\":[{\"logGroupName\":"
                + "\"trail-logs\",\"arn\":\"arn:aws:logs:eu-west-1:" + HOME + ":log-group:trail-logs:*\"}]}")));
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedIsOneErrorNamingAssumeRoleAndExitsThree() {
        homeAccountWithALogGroup();
        aws.stub(queryCall("AssumeRole").willReturn(queryError(403, "AccessDenied",
                "User is not authorized to perform: sts:AssumeRole on resource")));

        CliRun run = scan("--accounts", HOME + "," + MEMBER, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(3);
        List<JsonNode> findings = new ArrayList<>();
        Json.read(run.out()).forEach(findings::add);
        List<JsonNode> member = findings.stream().filter(f -> f.get("account").asText().equals(MEMBER)).toList();
        assertThat(member).singleElement().satisfies(f -> {
            assertThat(f.get("status").asText()).isEqualTo("ERROR");
            assertThat(f.get("checkId").asText()).isEqualTo("organization-coverage");
            assertThat(f.get("reason").asText()).startsWith("irready cannot audit account 222222222222: cannot assume "
                    + "IrreadyAuditRole in 222222222222: access denied to sts:AssumeRole (AccessDenied)");
        });
        assertThat(findings.stream().filter(f -> f.get("account").asText().equals(HOME)))
                .isNotEmpty().allSatisfy(f -> assertThat(f.get("status").asText()).isEqualTo("PASS"));
        assertThat(run.err()).contains("irready: scanning 2 accounts in eu-west-1 with 2 checks, 2 at a time, "
                        + "through role IrreadyAuditRole\n")
                .contains("irready: Readiness 0.0/100 for 222222222222 in eu-west-1 (0 passed, 0 failed, 1 error, "
                        + "0 not applicable)\n")
                .contains("irready: Readiness 100.0/100 for 123456789012 in eu-west-1")
                .contains("irready: Organization readiness 50.0/100, the mean of 2 account scores; lowest: "
                        + "222222222222 at 0.0/100\n")
                .endsWith("irready: exit 3: some checks at or above LOW could not be evaluated (ERROR)\n");
    }

    @Test
    void theRoleNameIsTheOneGiven() {
        homeAccountWithALogGroup();
        aws.stub(queryCall("AssumeRole").willReturn(queryError(403, "AccessDenied", "denied")));

        CliRun run = scan("--accounts", MEMBER, "--role-name", "OrgAudit", "--format", "csv");

        assertThat(run.out()).contains("organization-coverage,HIGH,ERROR,222222222222,eu-west-1,")
                .contains("cannot assume OrgAudit in 222222222222");
        assertThat(aws.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/")))
                .stream().map(r -> r.getBodyAsString()).filter(b -> b.contains("Action=AssumeRole")))
                .singleElement().asString().contains("role%2FOrgAudit");
    }

    @Test
    void theTableGroupsFindingsByAccount() {
        homeAccountWithALogGroup();
        aws.stub(queryCall("AssumeRole").willReturn(queryError(403, "AccessDenied", "denied")));

        CliRun run = scan("--accounts", HOME + "," + MEMBER);

        assertThat(run.out()).contains("irready scan of account 123456789012 in eu-west-1")
                .contains("irready scan of account 222222222222 in eu-west-1");
        assertThat(run.out().indexOf("account 222222222222")).isGreaterThan(run.out().indexOf("trail-logs"));
    }

    @Test
    void badMultiAccountOptionsAreUsageErrors() {
        assertThat(scan("--accounts", "12345").exitCode()).isEqualTo(2);
        assertThat(scan("--accounts", MEMBER, "--organization").exitCode()).isEqualTo(2);
        assertThat(scan("--ou", "ou-abcd-12345678").exitCode()).isEqualTo(2);
        assertThat(scan("--accounts", MEMBER, "--parallel", "0").exitCode()).isEqualTo(2);
    }
}
