package io.irready.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.engine.SweepMode;
import io.irready.engine.Sweeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One item of the organization sweep, as the Distributed Map passes it to the sweep function:
 * {@code {"mode":"critical","account":"111122223333","region":"eu-west-1","name":"prod"}} ({@code name}
 * optional). An input without {@code account} is an ordinary scheduled sweep.
 */
record SweepItem(SweepMode mode, String account, String region, String name) {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /**
     * @return the item, or empty when the input names no account
     * @throws IllegalArgumentException for an item whose account or region is malformed (the map's
     *                                  ItemSelector is wrong: retrying cannot help, so fail loudly)
     */
    static Optional<SweepItem> parse(ObjectMapper json, byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            return Optional.empty(); // the ordinary sweep path reports malformed input
        }
        if (node == null || !node.isObject() || !node.hasNonNull("account")) {
            return Optional.empty();
        }
        String account = node.get("account").asText().strip();
        String region = node.path("region").asText("").strip();
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("sweep item: account must be a 12-digit AWS account id, got '"
                    + account + "'");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("sweep item: region must be an AWS region such as us-east-1, got '"
                    + region + "'");
        }
        JsonNode mode = node.get("mode");
        return Optional.of(new SweepItem(SweepMode.parse(mode == null || mode.isNull() ? null : mode.asText()),
                account, region, node.path("name").asText("")));
    }

    Sweeper.ItemSweep sweep(Sweeper sweeper) {
        return sweeper.sweep(mode, account, region, name);
    }
}
