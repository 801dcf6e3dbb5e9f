package io.irready.cli.format;

import static io.irready.cli.format.Reports.PRESENT;
import static io.irready.cli.format.Reports.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Status;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
    @Test
    void oneRfc4180RowPerFindingUnderAHeader() {
        String out = Reports.write(new CsvFormat(), Reports.mixed());

        assertThat(out).isEqualTo("checkId,severity,status,account,region,resourceId,reason,observedAt\r\n"
                + "test-log-group-retention,MEDIUM,FAIL,123456789012,eu-west-1,"
                + "arn:aws:logs:eu-west-1:123456789012:log-group:short,"
                + "\"Log group short keeps events for only 7 days, \"\"too short\"\"; set its retention.\","
                + "2026-11-27T05:00:00Z\r\n"
                + "test-log-groups-present,HIGH,ERROR,123456789012,eu-west-1,123456789012/eu-west-1,"
                + "Could not evaluate: access denied to logs:DescribeLogGroups.,2026-11-27T05:00:00Z\r\n"
                + "test-log-group-retention,MEDIUM,NOT_APPLICABLE,123456789012,eu-west-1,"
                + "arn:aws:logs:eu-west-1:123456789012:log-group:other,Owned by another account.,2026-11-27T05:00:00Z\r\n"
                + "test-log-group-retention,MEDIUM,PASS,123456789012,eu-west-1,"
                + "arn:aws:logs:eu-west-1:123456789012:log-group:ok,Fine.,2026-11-27T05:00:00Z\r\n");
    }

    @Test
    void formulaCellsAreNeutralised() {
        for (String formula : new String[] {"=1+1", "+1+1", "-2+3", "@SUM(A1)"}) {
            assertThat(CsvFormat.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvFormat.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvFormat.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(CsvFormat.cell("a=b")).isEqualTo("a=b");

        String out = Reports.write(new CsvFormat(), Reports.report(finding(PRESENT, "=cmd|' /C calc'!A0", Status.FAIL,
                "@evil")));
        assertThat(out).contains(",'=cmd|' /C calc'!A0,'@evil,");
    }

    @Test
    void lineBreaksAndControlCharactersCannotSplitARow() {
        String out = Reports.write(new CsvFormat(), Reports.report(finding(PRESENT, "id", Status.FAIL,
                "line1\r\nline2\u001b[0m")));

        assertThat(out.split("\r\n")).hasSize(2);
        assertThat(out).contains(",line1\\u000d\\u000aline2\\u001b[0m,").doesNotContain("\u001b");
    }
}
