package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.testing.HeadlessChromium;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in headless Chromium: what a person sees once the page's script ran. Skipped where Chromium
 * is not installed. Leaves the page and a screenshot in {@code target/html-report/} to look at.
 */
class HtmlReportBrowserTest {
    private static final Path DIR = Path.of("target", "html-report");
    private static URI page;
    private HeadlessChromium chromium;

    /** Per test, so that a machine without Chromium reports each test as skipped, with the reason. */
    @BeforeEach
    void browser() {
        chromium = HeadlessChromium.require();
    }

    @BeforeAll
    static void writeTheReport() throws Exception {
        Files.createDirectories(DIR);
        Path file = DIR.resolve("report.html");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            new HtmlReport().write(Reports.mixed(), out);
        }
        page = file.toAbsolutePath().toUri();
    }

    private static long rows(String dom, String attributes) {
        return Pattern.compile("<tr " + Pattern.quote(attributes)).matcher(dom).results().count();
    }

    @Test
    void showsTheScoreAFailingCheckAndEveryFindingWithTheFiltersReady() throws Exception {
        String dom = chromium.dumpDom(page);

        assertThat(dom).contains("<span class=\"value\">27.3</span>", "id=\"fix-test-log-group-retention\"",
                "Why it matters:", "4 of 4 findings shown");
        // the script revealed the form (hidden without JavaScript) and hid nothing
        assertThat(dom).contains("<form id=\"filters\">").doesNotContain("hidden=\"\"");
    }

    @Test
    void aStatusFragmentHidesThePasses() throws Exception {
        String dom = chromium.dumpDom(URI.create(page + "#status=FAIL"));

        assertThat(rows(dom, "data-status=\"PASS\" data-severity=\"MEDIUM\" data-service=\"logs\" "
                + "data-account=\"123456789012\" hidden=\"\"")).isEqualTo(1);
        assertThat(rows(dom, "data-status=\"FAIL\" data-severity=\"MEDIUM\" data-service=\"logs\" "
                + "data-account=\"123456789012\">")).isEqualTo(2);
        assertThat(dom).contains("1 of 4 findings shown")
                // the ERROR finding's fix block has nothing left to show
                .contains("<article class=\"check\" id=\"fix-test-log-groups-present\" hidden=\"\">");
    }

    @Test
    void severityAtLeastHighLeavesTheHighFindingOnly() throws Exception {
        String dom = chromium.dumpDom(URI.create(page + "?severity=HIGH"));

        assertThat(dom).contains("1 of 4 findings shown");
        assertThat(rows(dom, "data-status=\"ERROR\" data-severity=\"HIGH\" data-service=\"logs\" "
                + "data-account=\"123456789012\">")).isEqualTo(2);
    }

    @Test
    void rendersToAScreenshot() throws Exception {
        Path png = DIR.resolve("report.png");

        chromium.screenshot(page, png, 1280, 2000);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(10_000);
    }
}
