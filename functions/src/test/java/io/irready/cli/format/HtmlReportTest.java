package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Status;
import io.irready.store.ReadinessScore;
import io.irready.store.ScorePoint;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's content as written; {@link HtmlReportBrowserTest} checks what a browser makes of it. */
class HtmlReportTest {
    private static String html(ScanReport report) {
        return Reports.write(new HtmlReport(), report);
    }

    @Test
    void showsTheScoreTheCountsAndEveryFinding() {
        String html = html(Reports.mixed());

        // HIGH ERROR (weight 5) and MEDIUM FAIL (3) open against MEDIUM PASS (3): 100 × (1 − 8/11)
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<span class=\"value\">27.3</span>", "Scan of account 123456789012 in eu-west-1 (irready 1.2.3)")
                .contains("<li class=\"s-FAIL\"><span class=\"n\">1</span> failing</li>",
                        "<li class=\"s-PASS\"><span class=\"n\">1</span> passing</li>")
                .contains("arn:aws:logs:eu-west-1:123456789012:log-group:ok", "Owned by another account.");
        assertThat(Pattern.compile("<tr data-status=").matcher(html).results().count())
                .as("the two open findings under what to fix, all four under all findings").isEqualTo(6);
    }

    @Test
    void aFailingCheckSaysWhyItMattersAndHowToFixIt() {
        String html = html(Reports.mixed());

        assertThat(html).contains("<article class=\"check\" id=\"fix-test-log-group-retention\">",
                "<strong>Why it matters:</strong> Exists to test the engine.",
                "<strong>Fix in the console:</strong> Open the console.",
                "<pre><code>aws logs help</code></pre>",
                "keeps events for only 7 days, &quot;too short&quot;; set its retention.");
        assertThat(html).contains("<a href=\"#fix-test-log-group-retention\">test-log-group-retention</a>");
    }

    @Test
    void stringsFromAwsCannotAddMarkupOrHideCharacters() {
        String evil = "arn:aws:logs:eu-west-1:123456789012:log-group:<script>alert(1)</script>\u001b[2J\u202e'x\"";
        String html = html(Reports.report(Reports.finding(Reports.RETENTION, evil, Status.FAIL,
                "<img src=x onerror=alert(1)> & more\u0000")));

        assertThat(html).doesNotContain("<script>alert", "<img", "\u001b", "\u202e", "\u0000")
                .contains("log-group:&lt;script&gt;alert(1)&lt;/script&gt;[2J&#39;x&quot;",
                        "&lt;img src=x onerror=alert(1)&gt; &amp; more");
        assertThat(HtmlEscape.text("a\tb\nc")).isEqualTo("abc");
    }

    @Test
    void needsNoNetwork() {
        String html = html(Reports.mixed());

        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//")
                .doesNotContainPattern("(?i)@import|url\\(|<link")
                .contains("Content-Security-Policy\" content=\"default-src 'none';")
                .contains("<style>", "<script>", "@media print");
    }

    @Test
    void withoutJavaScriptTheFilterFormStaysHiddenAndNoRowIs() {
        String html = html(Reports.mixed());

        assertThat(html).contains("<form id=\"filters\" hidden>").doesNotContain("<tr hidden", "data-status=\"PASS\" hidden");
    }

    @Test
    void theTrendIsAnInlineSvgLineOfTheStoredPoints() {
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        List<ScorePoint> points = List.of(
                new ScorePoint("123456789012", "eu-west-1", t0, new ReadinessScore(23.1, 1, 1, 0, 0)),
                new ScorePoint("123456789012", "eu-west-1", t0.plusSeconds(3600), new ReadinessScore(100.0, 2, 0, 0, 0)));

        String svg = SvgTrend.chart("123456789012/eu-west-1", points);

        // x from 40 to 624, y from 12 (100) to 152 (0)
        assertThat(svg).startsWith("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<polyline class=\"line\" fill=\"none\" points=\"40.0,119.7 624.0,12.0\"/>")
                .contains("<title>2026-11-27 10:00 UTC: 23.1/100 (1 passed, 1 failed, 0 errors, 0 not applicable)</title>")
                .contains(">2026-11-27 11:00</text>");
    }
}
