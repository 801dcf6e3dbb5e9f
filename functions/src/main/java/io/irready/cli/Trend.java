package io.irready.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.irready.store.FindingQueries;
import io.irready.store.ScoreHistory;
import io.irready.store.ScorePoint;
import io.irready.store.StoredFinding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code irready findings --trend}: the readiness score points the sweeps stored, per account and region, oldest
 * first, with the change since the previous point.
 */
final class Trend {
    private Trend() {
    }

    static void print(FindingQueries queries, ScoreHistory scores, String format, PrintWriter out) {
        List<ScorePoint> points = points(queries, scores);
        if (format.equalsIgnoreCase("json")) {
            json(points, out);
            return;
        }
        if (points.isEmpty()) {
            out.println("No readiness points yet: the sweep stores one per account and region.");
            return;
        }
        out.println(String.format(Locale.ROOT, "%-28s  %-20s  %6s  %6s  %5s  %5s  %5s  %5s", "ACCOUNT/REGION", "AT",
                "SCORE", "CHANGE", "PASS", "FAIL", "ERROR", "N/A"));
        String previousKey = null;
        double previous = 0;
        for (ScorePoint p : points) {
            String key = p.account() + "/" + p.region();
            String change = key.equals(previousKey) ? String.format(Locale.ROOT, "%+.1f", p.score().score() - previous) : "";
            out.println(String.format(Locale.ROOT, "%-28s  %-20s  %6.1f  %6s  %5d  %5d  %5d  %5d", key, p.at(),
                    p.score().score(), change, p.score().pass(), p.score().fail(), p.score().error(),
                    p.score().notApplicable()));
            previousKey = key;
            previous = p.score().score();
        }
    }

    /** Every account and region's score points, by account and region, oldest first within each. */
    static List<ScorePoint> points(FindingQueries queries, ScoreHistory scores) {
        TreeSet<String> accountRegions = new TreeSet<>();
        for (StoredFinding f : queries.allFindings()) {
            accountRegions.add(f.account() + "/" + f.region());
        }
        List<ScorePoint> points = new ArrayList<>();
        for (String ar : accountRegions) {
            String[] parts = ar.split("/", 2);
            points.addAll(scores.scores(parts[0], parts[1]));
        }
        return points;
    }

    private static void json(List<ScorePoint> points, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScorePoint p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("account", p.account());
            row.put("region", p.region());
            row.put("at", p.at().toString());
            row.put("score", p.score().score());
            row.put("pass", p.score().pass());
            row.put("fail", p.score().fail());
            row.put("error", p.score().error());
            row.put("notApplicable", p.score().notApplicable());
            rows.add(row);
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
