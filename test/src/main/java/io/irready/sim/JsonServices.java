package io.irready.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.sim.SimulatedAccount.Key;
import io.irready.sim.SimulatedAccount.LogGroup;
import io.irready.sim.SimulatedAccount.Trail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON 1.0/1.1 services: CloudTrail, CloudWatch Logs, KMS, SSM, Route 53 Resolver, Config, SQS, Organizations. */
final class JsonServices {
    private final SimulatedAccount a;
    private final FirewallServices firewalls;

    JsonServices(SimulatedAccount account) {
        this.a = account;
        this.firewalls = new FirewallServices(account);
    }

    Reply serve(AwsRequest r) {
        JsonNode in = r.json();
        return switch (r.service() + ":" + r.target()) {
            case "cloudtrail:DescribeTrails" -> describeTrails(in);
            case "cloudtrail:ListTrails" -> listTrails(in);
            case "cloudtrail:GetTrailStatus" -> trailStatus(in);
            case "cloudtrail:GetEventSelectors" -> eventSelectors(in);
            case "cloudtrail:LookupEvents" -> lookupEvents(in);
            case "logs:DescribeLogGroups" -> describeLogGroups(in);
            case "logs:DescribeDeliverySources" -> Reply.json(Reply.object().set("deliverySources", array()));
            case "logs:DescribeDeliveries" -> Reply.json(Reply.object().set("deliveries", array()));
            case "logs:DescribeSubscriptionFilters" -> describeSubscriptionFilters(in);
            case "logs:TagResource" -> tagLogGroup(in);
            case "kms:DescribeKey" -> describeKey(in);
            case "kms:GetKeyPolicy" -> keyPolicy(in);
            case "kms:ListGrants" -> Reply.json(Reply.object().put("Truncated", false).set("Grants", array()));
            case "ssm:DescribeInstanceInformation" -> instanceInformation(in);
            case "ssm:GetServiceSetting" -> serviceSetting(in);
            case "ssm:GetInventory" -> inventory(in);
            case "ssm:ListAssociations" -> Reply.json(Reply.object().set("Associations", array()));
            case "route53resolver:ListResolverQueryLogConfigAssociations" -> queryLogAssociations(in);
            case "config:DescribeConfigurationRecorders" -> recorders();
            case "config:DescribeConfigurationRecorderStatus" -> recorderStatus();
            case "config:DescribeDeliveryChannelStatus" -> deliveryChannelStatus();
            case "sqs:SendMessage" -> sendMessage(in);
            case "wafv2:ListWebACLs", "wafv2:GetLoggingConfiguration", "network-firewall:ListFirewalls",
                    "network-firewall:DescribeLoggingConfiguration" -> firewalls.serve(r);
            // a simulated account is standalone: it belongs to no organization
            case "organizations:ListAccounts", "organizations:ListAccountsForParent", "organizations:ListChildren",
                 "organizations:DescribeOrganization" -> Reply.jsonError(400, "AWSOrganizationsNotInUseException",
                    "Your account is not a member of an organization.");
            default -> null;
        };
    }

    private static ArrayNode array() {
        return Reply.JSON.createArrayNode();
    }

    private static String text(JsonNode in, String field) {
        JsonNode n = in.path(field);
        return n.isTextual() ? n.asText() : null;
    }

    // ---- CloudTrail

    private Optional<Trail> trail(String nameOrArn) {
        return a.trails.stream().filter(t -> t.name().equals(nameOrArn) || a.trailArn(t).equals(nameOrArn))
                .findFirst();
    }

    private Reply describeTrails(JsonNode in) {
        ArrayNode list = array();
        List<String> wanted = in.path("trailNameList").isArray()
                ? Reply.JSON.convertValue(in.path("trailNameList"), Reply.JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class)) : List.of();
        for (Trail t : a.trails) {
            if (!wanted.isEmpty() && !wanted.contains(t.name()) && !wanted.contains(a.trailArn(t))) {
                continue;
            }
            ObjectNode n = list.addObject().put("Name", t.name()).put("S3BucketName", t.bucket())
                    .put("IncludeGlobalServiceEvents", t.includeGlobalEvents())
                    .put("IsMultiRegionTrail", t.multiRegion()).put("HomeRegion", t.homeRegion())
                    .put("TrailARN", a.trailArn(t)).put("LogFileValidationEnabled", t.logFileValidation())
                    .put("HasCustomEventSelectors", false).put("HasInsightSelectors", false)
                    .put("IsOrganizationTrail", t.organization());
            if (t.prefix() != null) {
                n.put("S3KeyPrefix", t.prefix());
            }
            if (t.kmsKeyArn() != null) {
                n.put("KmsKeyId", t.kmsKeyArn());
            }
            if (t.logGroupArn() != null) {
                n.put("CloudWatchLogsLogGroupArn", t.logGroupArn() + ":*").put("CloudWatchLogsRoleArn",
                        t.cloudWatchRoleArn());
            }
        }
        return Reply.json(Reply.object().set("trailList", list));
    }

    private Reply listTrails(JsonNode in) {
        Pages<Trail> page = Pages.of(a.trails, text(in, "NextToken"), 50);
        ArrayNode list = array();
        page.items().forEach(t -> list.addObject().put("TrailARN", a.trailArn(t)).put("Name", t.name())
                .put("HomeRegion", t.homeRegion()));
        ObjectNode out = Reply.object().set("Trails", list);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    private Reply trailStatus(JsonNode in) {
        Optional<Trail> t = trail(text(in, "Name"));
        if (t.isEmpty()) {
            return Reply.jsonError(400, "TrailNotFoundException", "Unknown trail: " + text(in, "Name"));
        }
        boolean logging = a.trailLogging.getOrDefault(t.get().name(), true);
        double now = Instant.now().getEpochSecond();
        ObjectNode out = Reply.object().put("IsLogging", logging).put("LatestDeliveryTime", now - 300)
                .put("StartLoggingTime", now - 86_400 * 30);
        if (t.get().logGroupArn() != null) {
            out.put("LatestCloudWatchLogsDeliveryTime", now - 120);
        }
        Instant stopped = a.trailStoppedAt.get(t.get().name());
        if (stopped != null) {
            out.put("StopLoggingTime", stopped.getEpochSecond());
        }
        return Reply.json(out);
    }

    private Reply eventSelectors(JsonNode in) {
        Optional<Trail> t = trail(text(in, "TrailName"));
        if (t.isEmpty()) {
            return Reply.jsonError(400, "TrailNotFoundException", "Unknown trail");
        }
        ObjectNode out = Reply.object().put("TrailARN", a.trailArn(t.get()));
        ((ArrayNode) out.putArray("EventSelectors")).addObject().put("ReadWriteType", "All")
                .put("IncludeManagementEvents", true).set("DataResources", array());
        List<String> s3Data = a.trailS3DataEvents.getOrDefault(t.get().name(), List.of());
        if (!s3Data.isEmpty()) {
            ArrayNode values = ((ArrayNode) out.get("EventSelectors").get(0).get("DataResources")).addObject()
                    .put("Type", "AWS::S3::Object").putArray("Values");
            s3Data.forEach(values::add);
        }
        return Reply.json(out);
    }

    private Reply lookupEvents(JsonNode in) {
        Pages<Map<String, String>> page = Pages.of(a.eventHistory, text(in, "NextToken"), 50);
        ArrayNode events = array();
        for (Map<String, String> e : page.items()) {
            ObjectNode record = Reply.object().put("eventVersion", "1.08").put("eventID", e.get("eventId"))
                    .put("eventName", e.get("eventName")).put("eventSource", e.get("eventSource"))
                    .put("sourceIPAddress", e.get("sourceIp")).put("awsRegion", a.region)
                    .put("eventTime", e.get("eventTime"));
            record.putObject("userIdentity").put("type", "IAMUser").put("arn", e.get("principal"));
            events.addObject().put("EventId", e.get("eventId")).put("EventName", e.get("eventName"))
                    .put("EventSource", e.get("eventSource")).put("ReadOnly", "false")
                    .put("EventTime", Instant.parse(e.get("eventTime")).getEpochSecond())
                    .put("Username", e.get("principal")).put("CloudTrailEvent", record.toString());
        }
        ObjectNode out = Reply.object().set("Events", events);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    // ---- CloudWatch Logs

    /** TagResource on a log group ARN ({@code …:log-group:<name>}, no {@code :*}); other resources are not modelled. */
    private Reply tagLogGroup(JsonNode in) {
        String arn = text(in, "resourceArn");
        int at = arn == null ? -1 : arn.indexOf(":log-group:");
        String name = at < 0 ? null : arn.substring(at + ":log-group:".length());
        if (name == null || !a.logGroups.containsKey(name)) {
            return Reply.jsonError(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        Map<String, String> tags = a.logGroupTags.computeIfAbsent(name, n -> new java.util.LinkedHashMap<>());
        in.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return Reply.json(Reply.object());
    }

    private Reply describeLogGroups(JsonNode in) {
        List<LogGroup> groups = a.logGroups.values().stream()
                .filter(g -> text(in, "logGroupNamePrefix") == null || g.name().startsWith(text(in, "logGroupNamePrefix")))
                .toList();
        Pages<LogGroup> page = Pages.of(groups, text(in, "nextToken"), 50);
        ArrayNode list = array();
        for (LogGroup g : page.items()) {
            ObjectNode n = list.addObject().put("logGroupName", g.name())
                    .put("arn", a.arn("logs", "log-group:" + g.name() + ":*")).put("creationTime", 1_700_000_000_000L)
                    .put("storedBytes", 1024);
            if (g.retentionDays() != null) {
                n.put("retentionInDays", g.retentionDays());
            }
            if (g.kmsKeyArn() != null) {
                n.put("kmsKeyId", g.kmsKeyArn());
            }
        }
        ObjectNode out = Reply.object().set("logGroups", list);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    private Reply describeSubscriptionFilters(JsonNode in) {
        String group = text(in, "logGroupName");
        if (group == null || !a.logGroups.containsKey(group)) {
            return Reply.jsonError(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        Pages<SimulatedAccount.SubscriptionFilter> page = Pages.of(a.subscriptionFilters.stream()
                .filter(f -> f.logGroup().equals(group)).toList(), text(in, "nextToken"), 50);
        ArrayNode list = array();
        page.items().forEach(f -> list.addObject().put("filterName", f.name()).put("logGroupName", f.logGroup())
                .put("filterPattern", "").put("destinationArn", f.destinationArn())
                .put("distribution", "ByLogStream").put("creationTime", 1_700_000_000_000L));
        ObjectNode out = Reply.object().set("subscriptionFilters", list);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    // ---- KMS

    private Optional<Key> key(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String keyId = id.substring(id.lastIndexOf('/') + 1);
        return Optional.ofNullable(a.keys.get(keyId));
    }

    private Reply describeKey(JsonNode in) {
        Optional<Key> key = key(text(in, "KeyId"));
        if (key.isEmpty()) {
            return Reply.jsonError(400, "NotFoundException", "Key '" + text(in, "KeyId") + "' does not exist");
        }
        Key k = key.get();
        ObjectNode meta = Reply.object().put("KeyId", k.id()).put("Arn", a.keyArn(k.id()))
                .put("AWSAccountId", a.account).put("KeyState", k.state()).put("Enabled", "Enabled".equals(k.state()))
                .put("KeyManager", "CUSTOMER").put("KeyUsage", "ENCRYPT_DECRYPT")
                .put("KeySpec", "SYMMETRIC_DEFAULT").put("CreationDate", 1_700_000_000);
        if (k.deletionDate() != null) {
            meta.put("DeletionDate", k.deletionDate().getEpochSecond());
        }
        return Reply.json(Reply.object().set("KeyMetadata", meta));
    }

    private Reply keyPolicy(JsonNode in) {
        if (key(text(in, "KeyId")).isEmpty()) {
            return Reply.jsonError(400, "NotFoundException", "Key does not exist");
        }
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + a.account + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        return Reply.json(Reply.object().put("Policy", policy).put("PolicyName", "default"));
    }

    // ---- SSM

    private Reply instanceInformation(JsonNode in) {
        List<Map.Entry<String, String>> managed = List.copyOf(a.ssmPing.entrySet());
        Pages<Map.Entry<String, String>> page = Pages.of(managed, text(in, "NextToken"), 50);
        ArrayNode list = array();
        page.items().forEach(e -> list.addObject().put("InstanceId", e.getKey()).put("PingStatus", e.getValue())
                .put("ResourceType", "EC2Instance").put("PlatformType", "Linux").put("AgentVersion", "3.3.0.0"));
        ObjectNode out = Reply.object().set("InstanceInformationList", list);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    private Reply serviceSetting(JsonNode in) {
        if (!a.defaultHostManagement) {
            return Reply.jsonError(400, "ServiceSettingNotFound", "The service setting was not found");
        }
        ObjectNode setting = Reply.object().put("SettingId", text(in, "SettingId"))
                .put("SettingValue", "service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole")
                .put("Status", "Customized");
        return Reply.json(Reply.object().set("ServiceSetting", setting));
    }

    /** GetInventory: with an AWS:Application filter only instances with the agent; otherwise every managed one. */
    private Reply inventory(JsonNode in) {
        boolean agentFilter = in.path("Filters").toString().contains("amazon-cloudwatch-agent");
        List<String> ids = agentFilter ? List.copyOf(a.cloudWatchAgentInstalled) : List.copyOf(a.ssmPing.keySet());
        Pages<String> page = Pages.of(ids, text(in, "NextToken"), 50);
        ArrayNode entities = array();
        for (String id : page.items()) {
            ObjectNode data = entities.addObject().put("Id", id).putObject("Data");
            ObjectNode info = data.putObject("AWS:InstanceInformation").put("TypeName", "AWS:InstanceInformation")
                    .put("SchemaVersion", "1.0").put("CaptureTime", "2026-11-27T00:00:00Z");
            info.putArray("Content").addObject().put("InstanceId", id).put("InstanceStatus", "Active");
            if (agentFilter) {
                ObjectNode app = data.putObject("AWS:Application").put("TypeName", "AWS:Application")
                        .put("SchemaVersion", "1.1").put("CaptureTime", "2026-11-27T00:00:00Z");
                app.putArray("Content").addObject().put("Name", "amazon-cloudwatch-agent").put("Version", "1.300");
            }
        }
        ObjectNode out = Reply.object().set("Entities", entities);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    // ---- Route 53 Resolver, Config

    private Reply queryLogAssociations(JsonNode in) {
        Pages<String> page = Pages.of(List.copyOf(a.queryLoggedVpcs), text(in, "NextToken"), 50);
        ArrayNode list = array();
        page.items().forEach(vpc -> list.addObject().put("Id", "rqlca-" + vpc).put("ResolverQueryLogConfigId",
                "rqlc-demo").put("ResourceId", vpc).put("Status", "ACTIVE"));
        ObjectNode out = Reply.object().put("TotalCount", a.queryLoggedVpcs.size()).set(
                "ResolverQueryLogConfigAssociations", list);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    private Reply recorders() {
        ArrayNode list = array();
        list.addObject().put("name", "default").put("roleARN", "arn:aws:iam::" + a.account + ":role/config")
                .putObject("recordingGroup").put("allSupported", true).put("includeGlobalResourceTypes", true);
        return Reply.json(Reply.object().set("ConfigurationRecorders", list));
    }

    private Reply recorderStatus() {
        ArrayNode list = array();
        list.addObject().put("name", "default").put("recording", a.configRecording).put("lastStatus", "SUCCESS");
        return Reply.json(Reply.object().set("ConfigurationRecordersStatus", list));
    }

    /** The demo's channel delivers: its history and snapshots reach the bucket. */
    private Reply deliveryChannelStatus() {
        ArrayNode list = array();
        ObjectNode channel = list.addObject().put("name", "default");
        channel.putObject("configHistoryDeliveryInfo").put("lastStatus", "Success");
        channel.putObject("configSnapshotDeliveryInfo").put("lastStatus", "Success");
        return Reply.json(Reply.object().set("DeliveryChannelsStatus", list));
    }

    // ---- SQS (JSON 1.0): the delayed re-check queue accepts messages; the demo does not wait 2 minutes

    private Reply sendMessage(JsonNode in) {
        String body = text(in, "MessageBody");
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
            return new Reply(200, "application/x-amz-json-1.0",
                    Reply.object().put("MessageId", "sim-" + Math.abs(body == null ? 0 : body.hashCode()))
                            .put("MD5OfMessageBody", md5).toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
