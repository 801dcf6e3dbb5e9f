package io.irready.cli.format;

import static io.irready.cli.format.HtmlEscape.text;

import io.irready.cli.format.ReadinessPage.Row;
import io.irready.core.CheckMetadata;
import io.irready.core.Severity;
import io.irready.store.FindingState;
import io.irready.store.ReadinessScore;
import io.irready.store.ScorePoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The readiness report as one HTML file a person opens, prints or attaches to a ticket: the score, the trend,
 * the services, what fails with why it matters and how to fix it, the matrix per check, then every finding.
 * Self-contained (inline CSS, SVG and a little JavaScript; no fonts, CDN or network), because it is read on
 * laptops, in mail and offline. Without JavaScript every finding shows and the filter form stays hidden;
 * with it, the form filters by status, severity, service and account, and a fragment such as
 * {@code #status=FAIL&severity=HIGH} opens the report filtered. Every string from AWS goes through
 * {@link HtmlEscape}.
 */
public final class HtmlReport implements ReportFormat {
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    @Override
    public void write(ScanReport report, PrintWriter out) {
        write(ReadinessPage.of(report), out);
    }

    public static void write(ReadinessPage page, PrintWriter out) {
        ReadinessScore score = page.score();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // nothing in the page may load anything: an injected URL would otherwise tell someone the report was opened
        out.println("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
        out.println("<title>irready readiness report: " + text(page.subtitle()) + "</title>");
        out.println("<style>" + CSS + "</style></head><body>");
        out.println("<header><h1>Incident-response readiness</h1><p class=\"subtitle\">" + text(page.subtitle())
                + " &middot; generated " + text(page.generatedAt().toString()) + "</p></header>");
        out.println("<section class=\"summary\"><div class=\"score " + band(score.score()) + "\" id=\"score\">"
                + "<span class=\"value\">" + String.format(Locale.ROOT, "%.1f", score.score())
                + "</span><span class=\"of\">/100</span><div class=\"label\">readiness score</div></div>");
        out.println("<ul class=\"counts\">" + count("FAIL", "failing", score.fail()) + count("ERROR", "not evaluated",
                score.error()) + count("PASS", "passing", score.pass()) + count("NOT_APPLICABLE", "not applicable",
                score.notApplicable()) + "</ul>");
        out.println("<p class=\"explain\">The share of severity weight (critical 10, high 5, medium 3, low 1) of the "
                + "evaluated findings that is neither failing nor unevaluated.</p></section>");
        trend(page.trend(), out);
        services(page, out);
        filters(page, out);
        failing(page, out);
        checks(page, out);
        all(page, out);
        out.println("<footer>irready &middot; " + page.rows().size() + " findings &middot; "
                + page.checks().size() + " checks</footer>");
        out.println("<script>" + SCRIPT + "</script></body></html>");
        out.flush();
    }

    private static void trend(List<ScorePoint> points, PrintWriter out) {
        if (points.isEmpty()) {
            return;
        }
        Map<String, List<ScorePoint>> series = new LinkedHashMap<>();
        points.forEach(p -> series.computeIfAbsent(p.account() + "/" + p.region(), k -> new ArrayList<>()).add(p));
        out.println("<section id=\"trend\"><h2>Trend</h2>");
        series.forEach((label, list) -> out.println("<figure><figcaption>" + text(label) + "</figcaption>"
                + SvgTrend.chart(label, list) + "</figure>"));
        out.println("</section>");
    }

    private static void services(ReadinessPage page, PrintWriter out) {
        out.println("<section id=\"services\"><h2>By service</h2><table class=\"matrix\"><thead><tr><th>Service</th>"
                + "<th>Score</th>" + statusHeads() + "</tr></thead><tbody>");
        page.byService().forEach((service, rows) -> {
            double s = ReadinessPage.score(rows).score();
            out.println("<tr><th scope=\"row\">" + text(service) + "</th><td class=\"num " + band(s) + "\">"
                    + String.format(Locale.ROOT, "%.1f", s) + "</td>" + statusCells(rows) + "</tr>");
        });
        out.println("</tbody></table></section>");
    }

    private static void checks(ReadinessPage page, PrintWriter out) {
        out.println("<section id=\"checks\"><h2>By check</h2><table class=\"matrix\"><thead><tr><th>Check</th>"
                + "<th>Service</th><th>Severity</th>" + statusHeads() + "</tr></thead><tbody>");
        page.byCheck().forEach((id, rows) -> {
            CheckMetadata check = page.check(id).orElse(null);
            Severity severity = check != null ? check.severity() : rows.get(0).severity();
            String service = check != null ? check.service() : rows.get(0).service();
            String name = rows.stream().anyMatch(r -> r.status().isOpen())
                    ? "<a href=\"#fix-" + HtmlEscape.id(id) + "\">" + text(id) + "</a>" : text(id);
            out.println("<tr><th scope=\"row\">" + name + (check != null ? "<div class=\"title\">" + text(check.title())
                    + "</div>" : "") + "</th><td>" + text(service) + "</td><td>" + badge(severity) + "</td>"
                    + statusCells(rows) + "</tr>");
        });
        out.println("</tbody></table></section>");
    }

    /** Hidden until the script shows it: without JavaScript a filter that does nothing would mislead. */
    private static void filters(ReadinessPage page, PrintWriter out) {
        out.println("<form id=\"filters\" hidden><h2>Filter</h2>");
        List<String> statuses = new ArrayList<>(List.of("", "OPEN"));
        EnumSet.allOf(FindingState.class).forEach(s -> statuses.add(s.name()));
        out.println(select("status", "Status", statuses, Map.of("", "any", "OPEN", "open (FAIL or ERROR)")));
        List<String> severities = new ArrayList<>(List.of(""));
        EnumSet.allOf(Severity.class).forEach(s -> severities.add(s.name()));
        out.println(select("severity", "Severity at least", severities, Map.of("", "any")));
        out.println(select("service", "Service", withAny(page.rows().stream().map(Row::service).toList()),
                Map.of("", "any")));
        out.println(select("account", "Account", withAny(page.rows().stream().map(Row::account).toList()),
                Map.of("", "any")));
        out.println("<button type=\"reset\">Show all</button> <output id=\"shown\"></output></form>");
    }

    private static void failing(ReadinessPage page, PrintWriter out) {
        out.println("<section id=\"fix\"><h2>What to fix</h2>");
        boolean any = false;
        for (Map.Entry<String, List<Row>> entry : page.byCheck().entrySet()) {
            List<Row> open = entry.getValue().stream().filter(r -> r.status().isOpen()).toList();
            if (open.isEmpty()) {
                continue;
            }
            any = true;
            CheckMetadata check = page.check(entry.getKey()).orElse(null);
            out.println("<article class=\"check\" id=\"fix-" + HtmlEscape.id(entry.getKey()) + "\"><h3>"
                    + badge(open.get(0).severity()) + " <code>" + text(entry.getKey()) + "</code>"
                    + (check != null ? " " + text(check.title()) : "") + "</h3>");
            if (check != null) {
                out.println("<p class=\"why\"><strong>Why it matters:</strong> " + text(check.rationale()) + "</p>");
                out.println("<p class=\"how\"><strong>Fix in the console:</strong> "
                        + text(check.remediation().console()) + "</p>");
                out.println("<p class=\"how\"><strong>Fix with the AWS CLI:</strong></p><pre><code>"
                        + text(check.remediation().cli()) + "</code></pre>");
            }
            out.println("<table class=\"findings\"><thead><tr><th>Status</th><th>Account/region</th><th>Resource</th>"
                    + "<th>Reason</th></tr></thead><tbody>");
            open.forEach(r -> out.println(row(r, false)));
            out.println("</tbody></table></article>");
        }
        if (!any) {
            out.println("<p class=\"none\">Nothing fails: every evaluated check passes.</p>");
        }
        out.println("</section>");
    }

    private static void all(ReadinessPage page, PrintWriter out) {
        boolean stored = page.rows().stream().anyMatch(r -> r.since().isPresent());
        out.println("<section id=\"all\"><h2>All findings</h2><table class=\"findings\"><thead><tr><th>Status</th>"
                + "<th>Severity</th><th>Check</th><th>Account/region</th><th>Resource</th><th>Reason</th>"
                + (stored ? "<th>Since</th><th>Changed by</th>" : "") + "</tr></thead><tbody>");
        page.rows().forEach(r -> out.println(row(r, true)));
        out.println("</tbody></table></section>");
    }

    /** A finding's row; its {@code data-*} attributes are what the filters match. */
    private static String row(Row r, boolean full) {
        StringBuilder tr = new StringBuilder("<tr data-status=\"").append(r.status().name())
                .append("\" data-severity=\"").append(r.severity().name())
                .append("\" data-service=\"").append(text(r.service()))
                .append("\" data-account=\"").append(text(r.account())).append("\">");
        tr.append("<td>").append(status(r.status())).append("</td>");
        if (full) {
            tr.append("<td>").append(badge(r.severity())).append("</td><td><code>").append(text(r.checkId()))
                    .append("</code></td>");
        }
        tr.append("<td>").append(text(r.account())).append('/').append(text(r.region())).append("</td>")
                .append("<td class=\"resource\">").append(text(r.resourceId())).append("</td>")
                .append("<td>").append(text(r.reason())).append("</td>");
        if (full && r.since().isPresent()) {
            tr.append("<td>").append(text(r.since().get().toString())).append("</td><td>")
                    .append(text(r.changedBy().orElse("sweep"))).append("</td>");
        }
        return tr.append("</tr>").toString();
    }

    private static String statusHeads() {
        return "<th>Fail</th><th>Error</th><th>Pass</th><th>N/A</th>";
    }

    private static String statusCells(Collection<Row> rows) {
        StringBuilder cells = new StringBuilder();
        for (FindingState s : List.of(FindingState.FAIL, FindingState.ERROR, FindingState.PASS, FindingState.NOT_APPLICABLE)) {
            long n = rows.stream().filter(r -> r.status() == s).count();
            cells.append("<td class=\"num").append(n > 0 ? " s-" + s.name() : " zero").append("\">").append(n)
                    .append("</td>");
        }
        return cells.toString();
    }

    private static String count(String status, String label, int n) {
        return "<li class=\"s-" + status + "\"><span class=\"n\">" + n + "</span> " + label + "</li>";
    }

    private static String status(FindingState s) {
        return "<span class=\"status s-" + s.name() + "\">" + (s == FindingState.NOT_APPLICABLE ? "N/A" : s.name())
                + "</span>";
    }

    private static String badge(Severity s) {
        return "<span class=\"sev sev-" + s.name() + "\">" + s.name() + "</span>";
    }

    /** Colour band of a score: below 50 bad, below 80 fair, else good. */
    static String band(double score) {
        return score < 50 ? "bad" : score < 80 ? "fair" : "good";
    }

    private static List<String> withAny(List<String> values) {
        List<String> options = new ArrayList<>(List.of(""));
        options.addAll(new TreeSet<>(values));
        return options;
    }

    private static String select(String name, String label, List<String> values, Map<String, String> labels) {
        StringBuilder select = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name)
                .append("\">");
        for (String v : values) {
            select.append("<option value=\"").append(text(v)).append("\">").append(text(labels.getOrDefault(v, v)))
                    .append("</option>");
        }
        return select.append("</select></label>").toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
