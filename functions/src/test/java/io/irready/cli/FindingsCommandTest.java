package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.store.ChangedBy;
import io.irready.store.FindingStore;
import io.irready.testing.Dynalite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class FindingsCommandTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static String table;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void storeSomeFindings() {
        table = DYNALITE.newTable();
        FindingStore store = new FindingStore(DYNALITE.client(), table, Config.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
        store.record(new Evaluation(ACCOUNT, REGION, T0, Scope.REGION, List.of(), List.of(
                finding("cloudtrail-logging-all-regions", Severity.CRITICAL, ACCOUNT + "/" + REGION, Status.FAIL,
                        "No multi-region trail is logging eu-west-1."),
                finding("vpc-flow-logs-enabled", Severity.HIGH, "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1",
                        Status.PASS, "VPC vpc-1 has a flow log."),
                finding("logs-retention", Severity.MEDIUM, "arn:aws:logs:eu-west-1:123456789012:log-group:\u001b[31mred",
                        Status.FAIL, "Log group keeps events 1 day."))),
                Optional.of(new ChangedBy("StopLogging", "ev-1", "arn:aws:iam::123456789012:user/mallory",
                        "203.0.113.7", "aws-cli", "2026-11-27T09:59:00Z")));
        store.record(new Evaluation(ACCOUNT, REGION, T0.plusSeconds(60), Scope.REGION, List.of(), List.of(
                finding("guardduty-enabled", Severity.HIGH, ACCOUNT + "/" + REGION, Status.ERROR,
                        "Could not evaluate: access denied to guardduty:ListDetectors."))), Optional.empty());
    }

    static Finding finding(String check, Severity severity, String resource, Status status, String reason) {
        return new Finding(check, severity, ACCOUNT, REGION, resource, status, reason, T0);
    }

    private int run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--table-name";
        all[1] = table;
        all[2] = "--endpoint-url";
        all[3] = DYNALITE.endpoint().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return new CommandLine(new FindingsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all);
    }

    @Test
    void listsEveryFindingOpenOnesFirstMostSevereFirst() {
        assertThat(run()).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("STATUS").contains("CHECK", "RESOURCE", "CHANGED BY", "REASON");
        assertThat(lines.get(1)).startsWith("FAIL").contains("CRITICAL", "cloudtrail-logging-all-regions",
                "StopLogging by arn:aws:iam::123456789012:user/mallory");
        assertThat(lines.get(2)).startsWith("ERROR").contains("guardduty-enabled", "sweep");
        assertThat(lines.get(3)).startsWith("FAIL").contains("logs-retention");
        assertThat(lines.get(4)).startsWith("PASS").contains("vpc-flow-logs-enabled");
        assertThat(out.toString()).contains("4 findings: 1 PASS, 2 FAIL, 1 ERROR")
                .as("no terminal escape sequence from a resource name").doesNotContain("\u001b");
    }

    @Test
    void filtersByStatusSeverityAndCheckAsJson() throws Exception {
        assertThat(run("--status", "FAIL,ERROR", "--severity", "HIGH", "--format", "json")).isZero();

        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("checkId").asText()).isEqualTo("cloudtrail-logging-all-regions");
        assertThat(rows.get(0).at("/changedBy/sourceIp").asText()).isEqualTo("203.0.113.7");
        assertThat(rows.get(1).get("checkId").asText()).isEqualTo("guardduty-enabled");

        out.getBuffer().setLength(0);
        assertThat(run("--check", "vpc-flow-logs-enabled", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).singleElement()
                .satisfies(r -> assertThat(r.get("status").asText()).isEqualTo("PASS"));
    }

    @Test
    void filtersByAccount() throws Exception {
        assertThat(run("--account", "222222222222", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("--account", "222222222222," + ACCOUNT, "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).hasSize(4);
    }

    @Test
    void openFindingsOfOneAccountComeFromItsIndex() throws Exception {
        assertThat(run("--account", ACCOUNT, "--status", "FAIL,ERROR", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).extracting(r -> r.get("checkId").asText())
                .containsExactly("cloudtrail-logging-all-regions", "guardduty-enabled", "logs-retention");

        out.getBuffer().setLength(0);
        assertThat(run("--account", ACCOUNT, "--status", "ERROR", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).extracting(r -> r.get("checkId").asText())
                .containsExactly("guardduty-enabled");

        out.getBuffer().setLength(0);
        assertThat(run("--account", "222222222222", "--status", "FAIL", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).isEmpty();
    }

    @Test
    void aMissingTableIsAClearError() {
        int code = new CommandLine(new FindingsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--table-name", "no-such-table", "--endpoint-url", DYNALITE.endpoint().toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("irready findings: cannot read table no-such-table");
    }

    @Test
    void isASubcommandOfIrready() {
        assertThat(new CommandLine(new Main()).getSubcommands()).containsKey("findings");
    }
}
