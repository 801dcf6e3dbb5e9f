package io.irready.alerts;

import io.irready.core.ResourceIds;
import java.util.Map;

/** Links to the AWS console page where a finding is fixed, by the check's service. */
final class ConsoleLinks {
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("cloudtrail", "cloudtrail/home?region={r}#/trails"),
            Map.entry("s3", "s3/home?region={r}"),
            Map.entry("kms", "kms/home?region={r}#/kms/keys"),
            Map.entry("ec2", "ec2/home?region={r}#Instances:"),
            Map.entry("vpc", "vpcconsole/home?region={r}#vpcs:"),
            Map.entry("logs", "cloudwatch/home?region={r}#logsV2:log-groups"),
            Map.entry("ssm", "systems-manager/fleet-manager/managed-nodes?region={r}"),
            Map.entry("iam", "iam/home#/roles"),
            Map.entry("lambda", "lambda/home?region={r}#/functions"),
            Map.entry("cloudfront", "cloudfront/v4/home#/distributions"),
            Map.entry("rds", "rds/home?region={r}#databases:"),
            Map.entry("route53resolver", "route53resolver/home?region={r}#/query-logging"),
            Map.entry("guardduty", "guardduty/home?region={r}#/summary"),
            Map.entry("config", "config/home?region={r}#/dashboard"),
            Map.entry("events", "events/home?region={r}#/rules"),
            Map.entry("sns", "sns/v3/home?region={r}#/topics"));

    private ConsoleLinks() {
    }

    static String forService(String service, String region) {
        // the region reaches us from an event: never let it shape a URL it does not belong in
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}")) {
            region = "us-east-1";
        }
        String path = PATHS.getOrDefault(service == null ? "" : service, "console/home?region={r}").replace("{r}", region);
        String host = switch (ResourceIds.partition(region)) {
            case "aws-cn" -> "https://" + region + ".console.amazonaws.cn/";
            case "aws-us-gov" -> "https://" + region + ".console.amazonaws-us-gov.com/";
            default -> "https://" + region + ".console.aws.amazon.com/";
        };
        return host + path;
    }
}
