package io.irready.cli.format;

import io.irready.store.ScorePoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The readiness score of one account and region over time as an inline SVG line chart (0 to 100 on the y axis,
 * time on the x axis), so the report draws it without a charting library or network. Each point carries a
 * {@code <title>} (the browser's tooltip: when, score, counts).
 */
public final class SvgTrend {
    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SvgTrend() {
    }

    /** The chart of {@code points} (one account and region, oldest first); {@code label} names the series. */
    public static String chart(String label, List<ScorePoint> points) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"Readiness score of ").append(HtmlEscape.text(label))
                .append(" over time\">");
        for (int level = 0; level <= 100; level += 25) {
            double y = y(level);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, level));
        }
        if (!points.isEmpty()) {
            Instant first = points.get(0).at();
            Instant last = points.get(points.size() - 1).at();
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                ScorePoint p = points.get(i);
                double x = x(p.at(), first, last, i, points.size());
                double y = y(p.score().score());
                line.append(String.format(Locale.ROOT, "%s%.1f,%.1f", line.isEmpty() ? "" : " ", x, y));
                dots.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\">", x, y))
                        .append("<title>").append(HtmlEscape.text(tooltip(p))).append("</title></circle>");
            }
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>").append(dots);
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>", LEFT,
                    HEIGHT - 8, DAY.format(first)));
            if (points.size() > 1) {
                svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        WIDTH - RIGHT, HEIGHT - 8, DAY.format(last)));
            }
        }
        return svg.append("</svg>").toString();
    }

    static String tooltip(ScorePoint p) {
        return String.format(Locale.ROOT, "%s UTC: %.1f/100 (%d passed, %d failed, %d errors, %d not applicable)",
                DAY.format(p.at()), p.score().score(), p.score().pass(), p.score().fail(), p.score().error(),
                p.score().notApplicable());
    }

    private static double y(double score) {
        return TOP + (100.0 - score) / 100.0 * (HEIGHT - TOP - BOTTOM);
    }

    /** Proportional to time; evenly spaced when all points share one instant (or there is only one). */
    private static double x(Instant at, Instant first, Instant last, int index, int count) {
        double span = WIDTH - LEFT - RIGHT;
        long total = Duration.between(first, last).toMillis();
        if (total <= 0) {
            return count == 1 ? LEFT + span / 2 : LEFT + span * index / (count - 1);
        }
        return LEFT + span * Duration.between(first, at).toMillis() / total;
    }
}
