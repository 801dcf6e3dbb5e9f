package io.irready.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.testing.EventFixtures;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserTest {
    private final EventParser parser = new EventParser();

    private static String record(String eventSource, String eventName) {
        return """
                {"eventVersion":"1.11","eventTime":"2026-11-27T04:05:31Z","eventSource":"%s","eventName":"%s",
                 "awsRegion":"eu-west-1","eventID":"0a1b2c3d-4e5f-4071-8a9b-0c1d2e3f4a5b","recipientAccountId":"123456789012",
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/mallory"},
                 "requestParameters":{"name":"management-events"},"responseElements":null}""".formatted(eventSource, eventName);
    }

    private static String envelope(String source, String detail) {
        return """
                {"version":"0","id":"7bf73129-1428-4cd3-a780-95db273d1602","detail-type":"AWS API Call via CloudTrail",
                 "source":"%s","account":"123456789012","time":"2026-11-27T04:05:31Z","region":"eu-west-1","resources":[],
                 "detail":%s}""".formatted(source, detail);
    }

    private CloudTrailEvent one(String text) {
        List<ParsedEvent> parsed = parser.parse(text);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.getFirst()).isInstanceOf(CloudTrailEvent.class);
        return (CloudTrailEvent) parsed.getFirst();
    }

    private MalformedEvent malformed(String text) {
        List<ParsedEvent> parsed = parser.parse(text);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.getFirst()).isInstanceOf(MalformedEvent.class);
        MalformedEvent bad = (MalformedEvent) parsed.getFirst();
        assertThat(bad.reason()).as("reasons are printable").doesNotContainPattern("\\p{Cntrl}");
        return bad;
    }

    @Test
    void readsEveryFieldOfAnEnvelope() {
        CloudTrailEvent e = one(EventFixtures.read("cloudtrail/StopLogging.envelope.json"));

        assertThat(e.eventSource()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(e.eventName()).isEqualTo("StopLogging");
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-11-27T04:05:31Z"));
        assertThat(e.awsRegion()).isEqualTo("eu-west-1");
        assertThat(e.account()).isEqualTo("123456789012");
        assertThat(e.source()).isEqualTo("aws.cloudtrail");
        assertThat(e.readOnly()).contains(false);
        assertThat(e.errorCode()).isNull();
        assertThat(e.failed()).isFalse();
        assertThat(e.principalArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/AdministratorAccess/jane.doe");
        assertThat(e.principalType()).isEqualTo("AssumedRole");
        assertThat(e.sourceIpAddress()).isEqualTo("203.0.113.45");
        assertThat(e.userAgent()).startsWith("aws-cli/2.22.4");
        assertThat(e.requestParameters().path("name").asText()).isEqualTo("management-events");
        assertThat(e.responseElements().isNull()).isTrue();
        assertThat(e.eventId()).isEqualTo(e.record().path("eventID").asText());
    }

    @Test
    void readsAFailedRawRecordWithNullResponse() {
        CloudTrailEvent e = one(EventFixtures.read("cloudtrail/StopLogging-AccessDenied.record.json"));

        assertThat(e.failed()).isTrue();
        assertThat(e.errorCode()).isEqualTo("AccessDenied");
        assertThat(e.errorMessage()).contains("is not authorized to perform: cloudtrail:StopLogging");
        assertThat(e.principalArn()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
        assertThat(e.sourceIpAddress()).isEqualTo("198.51.100.23");
        assertThat(e.source()).as("derived from eventSource").isEqualTo("aws.cloudtrail");
        assertThat(e.responseElements().isNull()).isTrue();
    }

    @Test
    void serviceCallsKeepInvokedByAndTheEnvelopeAccountFillsAMissingRecipient() {
        String detail = """
                {"eventTime":"2026-11-27T04:05:31Z","eventSource":"logs.amazonaws.com","eventName":"CreateLogGroup",
                 "awsRegion":"eu-west-1","eventID":"e-1","userIdentity":{"type":"AWSService","invokedBy":"lambda.amazonaws.com"},
                 "requestParameters":{"logGroupName":"/aws/lambda/x"}}""";
        CloudTrailEvent e = one(envelope("aws.logs", detail));

        assertThat(e.account()).isEqualTo("123456789012");
        assertThat(e.invokedBy()).isEqualTo("lambda.amazonaws.com");
        assertThat(e.principalArn()).isNull();
        assertThat(e.readOnly()).isEmpty();
    }

    @Test
    void readsALogFileRecordByRecordKeepingGoodRecordsAroundABadOne() {
        String file = "{\"Records\":[" + record("cloudtrail.amazonaws.com", "StopLogging") + ",{\"eventName\":42},"
                + record("ec2.amazonaws.com", "DeleteFlowLogs") + "]}";

        List<ParsedEvent> parsed = parser.parse(file);

        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0)).isInstanceOf(CloudTrailEvent.class);
        assertThat(parsed.get(1)).isEqualTo(new MalformedEvent("eventSource is missing", "Records[1]"));
        assertThat(((CloudTrailEvent) parsed.get(2)).eventName()).isEqualTo("DeleteFlowLogs");
    }

    @Test
    void readsTheLogFileFixture() {
        List<ParsedEvent> parsed = parser.parse(EventFixtures.read("logfile/cloudtrail-log-file.json"));

        assertThat(parsed).hasSize(3).allMatch(p -> p instanceof CloudTrailEvent);
    }

    @Test
    void readsJsonLinesOneItemPerLineAndReportsTheBadLine() {
        String lines = envelope("aws.cloudtrail", record("cloudtrail.amazonaws.com", "StopLogging")).replace("\n", "")
                + "\n\nthis is not json\n" + record("s3.amazonaws.com", "DeleteBucketPolicy").replace("\n", "") + "\n";

        List<ParsedEvent> parsed = parser.parse(lines);

        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0)).isInstanceOf(CloudTrailEvent.class);
        assertThat(((MalformedEvent) parsed.get(1)).position()).isEqualTo("line 3");
        assertThat(((MalformedEvent) parsed.get(1)).reason()).startsWith("not valid JSON");
        assertThat(((CloudTrailEvent) parsed.get(2)).eventName()).isEqualTo("DeleteBucketPolicy");
    }

    @Test
    void aBadFirstLineDoesNotLoseTheRest() {
        String lines = "garbage\n" + record("s3.amazonaws.com", "DeleteBucketPolicy").replace("\n", "") + "\n{}\n";

        List<ParsedEvent> parsed = parser.parse(lines);

        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0)).isInstanceOf(MalformedEvent.class);
        assertThat(parsed.get(1)).isInstanceOf(CloudTrailEvent.class);
        assertThat(((MalformedEvent) parsed.get(2)).position()).isEqualTo("line 3");
    }

    @Test
    void aPrettyPrintedDocumentWithASyntaxErrorIsOneError() {
        String broken = EventFixtures.read("ec2/RunInstances.envelope.json").replace("\"eventName\": \"RunInstances\",",
                "\"eventName\": \"RunInstances\"");

        assertThat(malformed(broken).reason()).startsWith("not valid JSON (line ");
    }

    @Test
    void readsAnSqsBatchOfEnvelopesFromTheDelayedRecheckQueue() {
        String body = envelope("aws.rds", record("rds.amazonaws.com", "ModifyDBInstance")).replace("\n", "");
        String batch = """
                {"Records":[
                  {"messageId":"m1","receiptHandle":"r1","body":%s,"attributes":{},"messageAttributes":{},
                   "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:irready-recheck","awsRegion":"eu-west-1"},
                  {"messageId":"m2","receiptHandle":"r2","body":"{not json","eventSource":"aws:sqs"}]}"""
                .formatted(parser.mapper().valueToTree(body).toString());

        List<ParsedEvent> parsed = parser.parse(batch);

        assertThat(parsed).hasSize(2);
        assertThat(((CloudTrailEvent) parsed.get(0)).eventName()).isEqualTo("ModifyDBInstance");
        assertThat(((MalformedEvent) parsed.get(1)).position()).isEqualTo("Records[1].body");
    }

    @Test
    void anEventRoundTripsThroughItsEnvelope() {
        CloudTrailEvent raw = one(EventFixtures.read("rds/ModifyDBCluster.record.json"));

        CloudTrailEvent again = one(raw.toEnvelope().toString());

        assertThat(again).isEqualTo(raw);
    }

    @Test
    void readsFromAStream() {
        byte[] bytes = EventFixtures.read("ec2/RunInstances.envelope.json").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(new ByteArrayInputStream(bytes))).singleElement().isInstanceOf(CloudTrailEvent.class);
    }

    @Test
    void everyFixtureParses() {
        for (String fixture : EventFixtures.allSingleEvents()) {
            assertThat(parser.parse(EventFixtures.read(fixture))).as(fixture).singleElement()
                    .isInstanceOf(CloudTrailEvent.class);
        }
    }

    record Hostile(String name, String input, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Hostile> hostile() {
        String stop = record("cloudtrail.amazonaws.com", "StopLogging");
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        String big = stop.replace("\"responseElements\":null",
                "\"responseElements\":null,\"userAgent\":\"" + "A".repeat(EventParser.MAX_EVENT_BYTES) + "\"");
        return List.of(
                new Hostile("empty", "  \n", "input is empty; expected a CloudTrail event as JSON"),
                new Hostile("not JSON", "StopLogging by mallory", "not valid JSON"),
                new Hostile("truncated JSON", "{\"detail-type\":\"AWS API Call via CloudTrail\",", "not valid JSON"),
                new Hostile("number", "42", "expected a JSON object (an EventBridge envelope or a CloudTrail record), got a number"),
                new Hostile("string", "\"StopLogging\"", "got a string"),
                new Hostile("empty object", "{}", "neither an EventBridge envelope"),
                new Hostile("missing detail", "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.cloudtrail\"}",
                        "detail is missing; an EventBridge envelope carries the CloudTrail record in detail"),
                new Hostile("detail not an object", envelope("aws.cloudtrail", "\"StopLogging\""),
                        "detail must be a JSON object (the CloudTrail record), got a string"),
                new Hostile("source not aws.*", envelope("custom.attacker", stop),
                        "source 'custom.attacker' is not an AWS service source (aws.<service>)"),
                new Hostile("missing source", "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + stop + "}",
                        "source is missing"),
                new Hostile("other detail-type", envelope("aws.ec2", stop).replace("AWS API Call via CloudTrail",
                        "EC2 Instance State-change Notification"), "is not 'AWS API Call via CloudTrail'"),
                new Hostile("unknown event source", record("evil.example.com", "StopLogging"),
                        "eventSource 'evil.example.com' is not an AWS service endpoint (<service>.amazonaws.com)"),
                new Hostile("eventName wrong type", stop.replace("\"eventName\":\"StopLogging\"", "\"eventName\":7"),
                        "eventName must be a string, got a number"),
                new Hostile("eventName an object", stop.replace("\"eventName\":\"StopLogging\"", "\"eventName\":{\"x\":1}"),
                        "eventName must be a string, got an object"),
                new Hostile("missing eventName", stop.replace("\"eventName\":\"StopLogging\",", ""), "eventName is missing"),
                new Hostile("escaped control characters in eventName",
                        stop.replace("\"eventName\":\"StopLogging\"", "\"eventName\":\"Stop\\u0007Logging\\n<!channel>\""),
                        "eventName 'Stop\\u0007Logging\\u000a<!channel>' is not an AWS API action name"),
                new Hostile("raw control character in JSON", stop.replace("StopLogging", "Stop\u0007Logging"),
                        "not valid JSON"),
                new Hostile("bad region", stop.replace("eu-west-1", "mars-1"), "awsRegion 'mars-1' is not an AWS region"),
                new Hostile("bad account", stop.replace("123456789012", "12345"),
                        "recipientAccountId '12345' is not a 12-digit AWS account id"),
                new Hostile("bad time", stop.replace("2026-11-27T04:05:31Z", "yesterday"),
                        "eventTime 'yesterday' is not an ISO-8601 instant"),
                new Hostile("readOnly not a boolean", stop.replace("\"responseElements\":null",
                        "\"responseElements\":null,\"readOnly\":\"no\""), "readOnly must be true or false, got a string"),
                new Hostile("Records not a list", "{\"Records\":{\"eventName\":\"StopLogging\"}}",
                        "Records must be an array of CloudTrail records, got an object"),
                new Hostile("too deep", deep, "not valid JSON"),
                new Hostile("over 256 KB", big, "-byte limit of an EventBridge event"),
                new Hostile("duplicate keys", stop.replace("\"eventName\":\"StopLogging\"",
                        "\"eventName\":\"StartLogging\",\"eventName\":\"StopLogging\""), "not valid JSON"),
                new Hostile("overlong quoted value", record("x".repeat(5000) + ".amazonaws.com", "StopLogging"),
                        "chars)"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileInputIsAClearErrorNeverAnException(Hostile hostile) {
        MalformedEvent bad = malformed(hostile.input());

        assertThat(bad.reason()).contains(hostile.reason());
        assertThat(bad.reason().length()).isLessThan(400);
    }

    @Test
    void aHostileItemCostsOnlyItsOwnLine() {
        StringBuilder lines = new StringBuilder();
        for (Hostile h : hostile()) {
            if (!h.input().contains("\n") && !h.input().isBlank()) {
                lines.append(h.input()).append('\n');
            }
            lines.append(record("cloudtrail.amazonaws.com", "StopLogging").replace("\n", "")).append('\n');
        }

        List<ParsedEvent> parsed = parser.parse(lines.toString());

        long good = parsed.stream().filter(p -> p instanceof CloudTrailEvent).count();
        assertThat(good).isEqualTo(hostile().size());
    }

    @Test
    void attackerChosenTextOutsideTheStructuralFieldsDoesNotDropTheEvent() {
        // An attacker controls the user agent and resource names; refusing the event would blind the auditor.
        String stop = record("cloudtrail.amazonaws.com", "StopLogging").replace("\"responseElements\":null",
                "\"responseElements\":null,\"userAgent\":\"<!channel> <http://evil|click> *bold* \\u0000\\u001b[31m\"");

        CloudTrailEvent e = one(stop.replace("management-events", "<!here>\\u2028trail"));

        assertThat(e.userAgent()).isEqualTo("<!channel> <http://evil|click> *bold* \u0000\u001b[31m");
        assertThat(e.requestParameters().path("name").asText()).isEqualTo("<!here>\u2028trail");
    }
}
