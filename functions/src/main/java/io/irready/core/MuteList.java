package io.irready.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted risks of one mute list file:
 * <pre>
 * {"mutes": [{"check": "vpc-flow-logs-*", "resource": "arn:aws:ec2:*:vpc/vpc-0abc*",
 *             "account": "123456789012", "region": "eu-west-1",
 *             "reason": "sandbox VPC, no workloads", "expires": "2027-06-30"}]}
 * </pre>
 * {@code check}, {@code resource} and {@code reason} are required; a wrong file fails loudly, naming
 * the entry, because a silently ignored entry would alert on a risk someone accepted (or worse, an
 * entry read too broadly would mute one nobody did).
 */
public final class MuteList {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("check", "resource", "account", "region", "tags", "reason",
            "expires");

    private MuteList() {
    }

    public static List<MuteEntry> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mute list " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a mute list; {@code source} names it in errors. */
    public static List<MuteEntry> parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mute list " + source + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("mutes").isArray()) {
            throw new IllegalArgumentException("mute list " + source + " must be an object with a \"mutes\" array");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"mutes".equals(name)) {
                throw new IllegalArgumentException("mute list " + source + ": unknown field \"" + name
                        + "\" (only \"mutes\")");
            }
        }
        List<MuteEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("mutes")) {
            entries.add(entry(node, index++, source));
        }
        return List.copyOf(entries);
    }

    private static MuteEntry entry(JsonNode node, int index, String source) {
        String where = "mute list " + source + ", entry " + index + ": ";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + "unknown field \"" + name + "\" (allowed: check, "
                        + "resource, account, region, reason, expires)");
            }
        }
        if (node.has("tags")) {
            // findings carry no tags yet: ignoring the field would mute more than the author meant
            throw new IllegalArgumentException(where + "\"tags\" is not supported yet (findings do not carry "
                    + "resource tags); narrow the entry with check, resource, account and region");
        }
        String check = required(node, "check", where);
        String resource = required(node, "resource", where);
        String reason = required(node, "reason", where);
        Optional<LocalDate> expires = optional(node, "expires", where).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + "\"expires\" must be a date YYYY-MM-DD, got '" + text + "'");
            }
        });
        return new MuteEntry(index, check, resource, optional(node, "account", where),
                optional(node, "region", where), reason, expires);
    }

    private static String required(JsonNode node, String field, String where) {
        return optional(node, field, where).orElseThrow(() -> new IllegalArgumentException(
                where + "\"" + field + "\" is required" + ("reason".equals(field)
                        ? " (an accepted risk must say why it was accepted)" : "")));
    }

    private static Optional<String> optional(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + "\"" + field + "\" must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
