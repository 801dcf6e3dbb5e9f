package io.irready.cli.format;

import io.irready.horizon.Answer;
import io.irready.horizon.Horizon;
import io.irready.horizon.HorizonReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/** {@code irready horizon}'s text: the questions first (what an investigator asks), then every source with its reason. */
public final class HorizonText {
    private HorizonText() {
    }

    public static void write(List<HorizonReport> reports, OptionalInt incidentAge, PrintWriter out) {
        out.println("How far back an investigator can read today, source by source. Not a verdict: the readiness");
        out.println("checks judge these sources; the horizon writes no finding and never changes the score.");
        for (HorizonReport report : reports) {
            out.println();
            out.println("Account " + Text.clean(report.account()) + ", " + Text.clean(report.region()) + ", as of "
                    + report.asOf());
            out.println();
            out.println("Questions (any one source answers: a question reaches as far back as its longest source)");
            for (Answer answer : report.answers()) {
                out.printf("  %-30s %-10s %s%n", answer.question().text(), answer.reachText(),
                        answer.horizon().map(HorizonText::name).orElse("no source answers it"));
                answer.weakest().filter(w -> answer.sources().stream().filter(Horizon::read).count() > 1)
                        .ifPresent(w -> out.printf("  %-30s %-10s %s%n", "  weakest link", w.reachText(), name(w)));
            }
            out.println();
            out.println("Sources");
            for (Horizon h : report.sources()) {
                out.printf("  %-10s %s%n", h.reachText(), name(h));
                out.printf("  %-10s %s%n", "", Text.clean(h.reason()));
            }
            if (incidentAge.isPresent()) {
                List<Horizon> gone = report.goneFor(incidentAge.getAsInt());
                out.println();
                out.println("Already gone for an incident " + incidentAge.getAsInt() + " days old: "
                        + (gone.isEmpty() ? "none" : gone.size() + (gone.size() == 1 ? " source" : " sources")));
                for (Horizon h : gone) {
                    out.printf("  %-10s %s%n", h.reachText(), name(h));
                }
            }
        }
    }

    private static String name(Horizon h) {
        return h.source().label() + " " + Text.clean(h.resource());
    }
}
