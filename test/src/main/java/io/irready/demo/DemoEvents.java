package io.irready.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Real-shaped CloudTrail management events in their EventBridge envelope, as the default event bus
 * delivers them — the shapes of DESIGN.md §4 (EC2's XML-derived parameters, RDS camel case …).
 */
final class DemoEvents {
    static final String ATTACKER = "arn:aws:iam::%s:user/mallory";
    static final String ATTACKER_IP = "203.0.113.66";
    static final String ATTACKER_AGENT = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off";
    static final String ADMIN = "arn:aws:sts::%s:assumed-role/SecurityAdmin/alice";
    static final String ADMIN_IP = "198.51.100.23";
    static final String ADMIN_AGENT = "console.amazonaws.com";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON string literal of {@code text} (EKS reports an update's parameters as JSON inside a string). */
    private static final java.util.function.UnaryOperator<String> JSON_STRING = text -> {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    private DemoEvents() {
    }

    static String stopLogging(String account, String region, String trailArn, Instant at) {
        return envelope(account, region, at, "aws.cloudtrail", "cloudtrail.amazonaws.com", "StopLogging",
                ATTACKER.formatted(account), ATTACKER_IP, ATTACKER_AGENT, "{\"name\":\"" + trailArn + "\"}", "null");
    }

    static String startLogging(String account, String region, String trailName, Instant at) {
        return envelope(account, region, at, "aws.cloudtrail", "cloudtrail.amazonaws.com", "StartLogging",
                ADMIN.formatted(account), ADMIN_IP, ADMIN_AGENT, "{\"name\":\"" + trailName + "\"}", "null");
    }

    static String deleteFlowLogs(String account, String region, String flowLogId, Instant at) {
        return envelope(account, region, at, "aws.ec2", "ec2.amazonaws.com", "DeleteFlowLogs",
                ATTACKER.formatted(account), ATTACKER_IP, ATTACKER_AGENT,
                "{\"DeleteFlowLogsRequest\":{\"FlowLogId\":{\"tag\":1,\"content\":\"" + flowLogId + "\"}}}",
                "{\"DeleteFlowLogsResponse\":{\"xmlns\":\"http://ec2.amazonaws.com/doc/2016-11-15/\","
                        + "\"requestId\":\"" + UUID.randomUUID() + "\",\"unsuccessful\":\"\"}}");
    }

    static String disableDbLogExports(String account, String region, String dbInstanceId, Instant at) {
        return envelope(account, region, at, "aws.rds", "rds.amazonaws.com", "ModifyDBInstance",
                ATTACKER.formatted(account), ATTACKER_IP, ATTACKER_AGENT,
                "{\"dBInstanceIdentifier\":\"" + dbInstanceId + "\",\"cloudwatchLogsExportConfiguration\":"
                        + "{\"disableLogTypes\":[\"audit\"]},\"applyImmediately\":true}",
                "{\"dBInstanceIdentifier\":\"" + dbInstanceId + "\",\"engine\":\"mysql\",\"dBInstanceStatus\":\"available\","
                        + "\"pendingModifiedValues\":{\"pendingCloudwatchLogsExports\":{\"logTypesToDisable\":[\"audit\"]}}}");
    }

    static String enableEksAuditLogs(String account, String region, String clusterName, Instant at) {
        String logging = "{\"clusterLogging\":[{\"types\":[\"audit\",\"authenticator\"],\"enabled\":true}]}";
        return envelope(account, region, at, "aws.eks", "eks.amazonaws.com", "UpdateClusterConfig",
                ADMIN.formatted(account), ADMIN_IP, ADMIN_AGENT,
                "{\"name\":\"" + clusterName + "\",\"logging\":" + logging + ",\"clientRequestToken\":\""
                        + UUID.randomUUID() + "\"}",
                "{\"update\":{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"InProgress\","
                        + "\"type\":\"LoggingUpdate\",\"params\":[{\"type\":\"ClusterLogging\",\"value\":"
                        + JSON_STRING.apply(logging) + "}],\"errors\":[]}}");
    }

    private static String envelope(String account, String region, Instant at, String source, String eventSource,
                                   String eventName, String principal, String ip, String agent, String request,
                                   String response) {
        try {
            String id = UUID.randomUUID().toString();
            ObjectNode detail = (ObjectNode) JSON.readTree("""
                    {"eventVersion":"1.09","userIdentity":{"type":"%s","arn":"%s","accountId":"%s",
                      "accessKeyId":"AKIAIOSFODNN7EXAMPLE"},
                     "eventTime":"%s","eventSource":"%s","eventName":"%s","awsRegion":"%s",
                     "sourceIPAddress":"%s","userAgent":"%s","requestParameters":%s,"responseElements":%s,
                     "requestID":"%s","eventID":"%s","readOnly":false,"eventType":"AwsApiCall",
                     "managementEvent":true,"recipientAccountId":"%s","eventCategory":"Management"}"""
                    .formatted(principal.contains(":user/") ? "IAMUser" : "AssumedRole", principal, account, at,
                            eventSource, eventName, region, ip, agent, request, response, UUID.randomUUID(), id,
                            account));
            ObjectNode envelope = JSON.createObjectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                    .put("detail-type", "AWS API Call via CloudTrail").put("source", source).put("account", account)
                    .put("time", at.toString()).put("region", region);
            envelope.putArray("resources");
            envelope.set("detail", detail);
            return JSON.writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("demo event template is broken", e);
        }
    }
}
