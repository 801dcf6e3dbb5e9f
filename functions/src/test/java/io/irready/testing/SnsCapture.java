package io.irready.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays SNS on an {@link AwsWire} (AWS query protocol) and reads back the {@code Publish} calls
 * the real SDK made: form fields, message attributes and the {@code MessageStructure=json} parts.
 */
public final class SnsCapture {
    public static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:irready-alerts";
    public static final String INTEGRITY_TOPIC = "arn:aws:sns:eu-west-1:210987654321:irready-integrity";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final AwsWire aws;

    public SnsCapture(AwsWire aws) {
        this.aws = aws;
        aws.stub(AwsWire.queryCall("Publish").willReturn(AwsWire.xml("""
                <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishResult><MessageId>msg-%d</MessageId></PublishResult>
                  <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
                </PublishResponse>""".formatted(IDS.incrementAndGet()))));
    }

    /** Every Publish request received, in order. */
    public List<Published> published() {
        return aws.server().findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")))
                .stream().map(r -> new Published(form(r.getBodyAsString()))).toList();
    }

    /** Publish requests to one topic. */
    public List<Published> publishedTo(String topicArn) {
        return published().stream().filter(p -> topicArn.equals(p.field("TopicArn"))).toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    /** One captured Publish call. */
    public record Published(Map<String, String> fields) {
        public String field(String name) {
            return fields.get(name);
        }

        /** Message attributes by name ({@code MessageAttributes.entry.N.Name/Value.StringValue}). */
        public Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; fields.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
                attributes.put(fields.get("MessageAttributes.entry." + i + ".Name"),
                        fields.get("MessageAttributes.entry." + i + ".Value.StringValue"));
            }
            return attributes;
        }

        /** The {@code MessageStructure=json} document. */
        public JsonNode structure() {
            try {
                return JSON.readTree(field("Message"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The readable text (the {@code default} part). */
        public String text() {
            return structure().get("default").asText();
        }

        /** The AWS Chatbot card (the {@code https} part). */
        public JsonNode chatbot() {
            return part("https");
        }

        /** The structured alert (the {@code lambda} part). */
        public JsonNode structured() {
            return part("lambda");
        }

        private JsonNode part(String name) {
            try {
                return JSON.readTree(structure().get(name).asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
