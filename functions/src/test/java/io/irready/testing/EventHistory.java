package io.irready.testing;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;

/**
 * CloudTrail Event History ({@code LookupEvents}) responses in the real JSON 1.1 shape: summary fields plus the
 * full record as an embedded JSON string ({@code CloudTrailEvent}).
 */
public final class EventHistory {
    public static final String LOOKUP_EVENTS = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    private EventHistory() {
    }

    /** One event of {@code Events[]}: an IAM user's write call from {@code ip}. */
    public static String event(String id, String time, String source, String name, String principalArn, String ip) {
        String record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + principalArn
                + "\",\"userName\":\"mallory\"},\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source + "\","
                + "\"eventName\":\"" + name + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip
                + "\",\"userAgent\":\"aws-cli/2.15.0\",\"readOnly\":false,\"eventID\":\"" + id + "\"}";
        return "{\"EventId\":\"" + id + "\",\"EventName\":\"" + name + "\",\"ReadOnly\":\"false\",\"EventTime\":"
                + Instant.parse(time).getEpochSecond() + ",\"EventSource\":\"" + source + "\",\"Username\":\"mallory\","
                + "\"CloudTrailEvent\":" + TextNode.valueOf(record) + "}";
    }

    /** An EC2 write call (the common case in tests). */
    public static String event(String id, String time, String name, String principalArn, String ip) {
        return event(id, time, "ec2.amazonaws.com", name, principalArn, ip);
    }

    /** A response page; {@code nextToken} may be null. */
    public static String page(String nextToken, String... events) {
        return "{\"Events\":[" + String.join(",", events) + "]" + (nextToken == null ? "" : ",\"NextToken\":\""
                + nextToken + "\"") + "}";
    }
}
