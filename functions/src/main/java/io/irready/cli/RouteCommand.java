package io.irready.cli;

import io.irready.checks.Catalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.events.CloudTrailEvent;
import io.irready.events.EventParser;
import io.irready.events.MalformedEvent;
import io.irready.events.ParsedEvent;
import io.irready.events.RouteTable;
import io.irready.events.RoutingDecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code irready route [FILE|-]}: what would these CloudTrail events re-evaluate? Prints one JSON
 * line per event; a malformed event prints {@code {"error":…}} on its line, the rest are still
 * routed, and the exit code is 2.
 */
@Command(name = "route", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print, for each CloudTrail event, the checks and resources it re-evaluates.",
                "Reads an EventBridge envelope, a raw CloudTrail record, a CloudTrail log file ({\"Records\":[...]}) "
                        + "or JSON Lines. One JSON line per event: "
                        + "{\"eventSource\",\"eventName\",\"eventId\",\"checks\",\"resources\"}, with \"detailType\" "
                        + "for an AWS service event and \"leftToSweep\" for checks the event names no resource of; "
                        + "{\"error\":...} for a malformed event (exit code 2)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every event was read", "1:the input could not be read", "2:at least one event was malformed"})
public final class RouteCommand implements Callable<Integer> {
    static final int MALFORMED = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "File with events, or - for standard input (default).")
    String file;

    private final InputStream stdin;

    public RouteCommand() {
        this(System.in);
    }

    RouteCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        EventParser parser = new EventParser();
        List<ParsedEvent> events;
        try {
            events = "-".equals(file) ? parser.parse(stdin) : parse(parser, Path.of(file));
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("irready route: no such file: " + file);
            return 1;
        } catch (IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("irready route: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        RouteTable table = Catalog.routeTable();
        ObjectMapper json = parser.mapper();
        PrintWriter out = spec.commandLine().getOut();
        boolean malformed = false;
        for (ParsedEvent parsed : events) {
            Map<String, Object> line = new LinkedHashMap<>();
            switch (parsed) {
                case CloudTrailEvent event -> {
                    RoutingDecision decision = table.route(event);
                    line.put("eventSource", event.eventSource());
                    line.put("eventName", event.eventName());
                    line.put("eventId", event.eventId());
                    if (event.serviceEvent()) {
                        // what AWS did by itself, with no one's call behind it
                        line.put("detailType", event.detailType());
                    }
                    line.put("checks", List.copyOf(decision.checkIds()));
                    line.put("resources", List.copyOf(decision.resourceIds()));
                    if (!decision.unnamed().isEmpty()) {
                        line.put("leftToSweep", List.copyOf(decision.unnamed()));
                    }
                }
                case MalformedEvent bad -> {
                    malformed = true;
                    line.put("error", bad.position() + ": " + bad.reason());
                }
            }
            out.println(write(json, line));
        }
        out.flush();
        return malformed ? MALFORMED : 0;
    }

    private static List<ParsedEvent> parse(EventParser parser, Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return parser.parse(in);
        }
    }

    private static String write(ObjectMapper json, Map<String, Object> line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a route line", e);
        }
    }
}
