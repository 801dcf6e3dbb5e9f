package io.irready.cli.format;

import static io.irready.cli.format.Reports.PRESENT;
import static io.irready.cli.format.Reports.RETENTION;
import static io.irready.cli.format.Reports.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Status;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    @Test
    void listsFindingsMostUrgentFirstWithASummary() {
        String out = Reports.write(new TableFormat(), Reports.mixed());

        assertThat(out).isEqualTo("""
                irready scan of account 123456789012 in eu-west-1 at 2026-11-27T05:00:00Z

                FAIL   MEDIUM    test-log-group-retention
                       arn:aws:logs:eu-west-1:123456789012:log-group:short
                       Log group short keeps events for only 7 days, "too short"; set its
                       retention.

                ERROR  HIGH      test-log-groups-present
                       123456789012/eu-west-1
                       Could not evaluate: access denied to logs:DescribeLogGroups.

                N/A    MEDIUM    test-log-group-retention
                       arn:aws:logs:eu-west-1:123456789012:log-group:other
                       Owned by another account.

                PASS   MEDIUM    test-log-group-retention
                       arn:aws:logs:eu-west-1:123456789012:log-group:ok
                       Fine.

                4 findings: 1 FAIL, 1 ERROR, 1 N/A (not applicable), 1 PASS
                """);
    }

    @Test
    void everyLineFitsEightyColumnsAndLongArnsWrapAtSeparatorsWithoutLosingCharacters() {
        String arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/states/"
                + "a-really-long-state-machine-name-for-payments-processing-Logs-0123456789abcdef";
        String reason = "A reason that goes on for a while and mentions " + arn + " in the middle, then ends.";
        String out = Reports.write(new TableFormat(), Reports.report(finding(RETENTION, arn, Status.FAIL, reason)));

        assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(out).contains("""
                       arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/states/
                       a-really-long-state-machine-name-for-payments-processing-Logs-0123456789a
                       bcdef
                """);
        String resourceLines = out.lines().skip(3).limit(3).map(String::strip).reduce("", String::concat);
        assertThat(resourceLines).isEqualTo(arn);
    }

    @Test
    void aCheckThatFoundNoResourceInScopeSaysSoInOneLine() {
        String out = Reports.write(new TableFormat(), Reports.withNothingInScope(
                finding(PRESENT, "123456789012/eu-west-1", Status.PASS, "Log groups exist.")));

        assertThat(out).isEqualTo("""
                irready scan of account 123456789012 in us-east-1, eu-west-1 at 2026-11-27T05:00:00Z

                PASS   HIGH      test-log-groups-present
                       123456789012/eu-west-1
                       Log groups exist.

                test-log-group-retention: no CloudWatch Logs log groups in scope in eu-west-1
                test-log-group-retention: no CloudWatch Logs log groups in scope in us-east-1

                1 findings: 0 FAIL, 0 ERROR, 0 N/A (not applicable), 1 PASS
                """);
    }

    @Test
    void anEmptyScanSaysSo() {
        assertThat(Reports.write(new TableFormat(), Reports.report())).contains("No findings.\n")
                .endsWith("0 findings: 0 FAIL, 0 ERROR, 0 N/A (not applicable), 0 PASS\n");
    }

    @Test
    void controlCharactersInAnyFieldAreShownEscaped() {
        String out = Reports.write(new TableFormat(), Reports.report(finding(PRESENT,
                "arn:aws:logs:eu-west-1:123456789012:log-group:x\u001b]8;;http://evil\u0007",
                Status.FAIL, "Name \u202eexe.txt\r\nFAKE PASS line")));

        assertThat(out).doesNotContain("\u001b", "\u0007", "\u202e", "\r").doesNotContain("\nFAKE");
        assertThat(out).contains("x\\u001b]8;;http://\n", "evil\\u0007\n", "Name \\u202eexe.txt\\u000d\\u000aFAKE PASS line");
    }
}
