package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.horizon.Answer;
import io.irready.horizon.Horizon;
import io.irready.horizon.HorizonReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code irready horizon --format json}: one object per account and region. {@code days} is a
 * number, or null when unlimited ({@code unlimited: true}) or not read ({@code read: false}).
 */
public final class HorizonJson {
    private HorizonJson() {
    }

    public static void write(List<HorizonReport> reports, OptionalInt incidentAge, PrintWriter out) {
        ArrayNode all = Json.array();
        for (HorizonReport report : reports) {
            ObjectNode r = all.addObject();
            r.put("account", report.account());
            r.put("region", report.region());
            r.put("asOf", report.asOf().toString());
            ArrayNode questions = r.putArray("questions");
            for (Answer answer : report.answers()) {
                ObjectNode q = questions.addObject();
                q.put("question", answer.question().text());
                ObjectNode reach = answer.horizon().map(HorizonJson::horizon).orElseGet(() -> {
                    ObjectNode none = Json.object();
                    none.put("days", 0);
                    none.put("unlimited", false);
                    return none;
                });
                q.set("days", reach.get("days"));
                q.put("unlimited", reach.get("unlimited").asBoolean());
                answer.horizon().ifPresent(h -> q.set("longest", horizon(h)));
                answer.weakest().ifPresent(h -> q.set("weakest", horizon(h)));
                ArrayNode sources = q.putArray("sources");
                answer.sources().forEach(h -> sources.add(horizon(h)));
            }
            ArrayNode sources = r.putArray("sources");
            report.sources().forEach(h -> sources.add(horizon(h)));
            if (incidentAge.isPresent()) {
                r.put("incidentAgeDays", incidentAge.getAsInt());
                ArrayNode gone = r.putArray("gone");
                report.goneFor(incidentAge.getAsInt()).forEach(h -> gone.add(horizon(h)));
            }
        }
        out.println(Json.write(all));
    }

    private static ObjectNode horizon(Horizon h) {
        ObjectNode o = Json.object();
        o.put("source", h.source().name());
        o.put("label", h.source().label());
        o.put("resource", h.resource());
        if (h.read() && h.days().isPresent()) {
            o.put("days", h.days().get());
        } else {
            o.putNull("days");
        }
        o.put("unlimited", h.unlimited());
        o.put("read", h.read());
        o.put("reason", h.reason());
        return o;
    }
}
