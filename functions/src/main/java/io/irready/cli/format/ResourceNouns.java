package io.irready.cli.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader calls the resources of a check's CloudFormation-style type, in the plural:
 * {@code AWS::RDS::DBInstance / AWS::RDS::DBCluster} → {@code RDS DB instances or clusters}. Types
 * without an entry fall back to their own name ({@code resources of type AWS::Foo::Bar}), so a new
 * check reads correctly, if plainly, before anyone adds it here.
 */
final class ResourceNouns {
    private static final Map<String, String> PLURAL = Map.ofEntries(
            Map.entry("AWS::ApiGateway::Stage", "API Gateway stages"),
            Map.entry("AWS::ApiGatewayV2::Stage", "API Gateway stages"),
            Map.entry("AWS::CloudFront::Distribution", "CloudFront distributions"),
            Map.entry("AWS::CloudTrail::Trail", "CloudTrail trails"),
            Map.entry("AWS::Config::ConfigurationRecorder", "AWS Config recorders"),
            Map.entry("AWS::EC2::Instance", "EC2 instances"),
            Map.entry("AWS::EC2::VPC", "VPCs"),
            Map.entry("AWS::EKS::Cluster", "EKS clusters"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "load balancers"),
            Map.entry("AWS::ElasticLoadBalancing::LoadBalancer", "load balancers"),
            Map.entry("AWS::GuardDuty::Detector", "GuardDuty detectors"),
            Map.entry("AWS::IAM::Role", "IAM roles"),
            Map.entry("AWS::KMS::Key", "KMS keys"),
            Map.entry("AWS::Lambda::Function", "Lambda functions"),
            Map.entry("AWS::Logs::LogGroup", "CloudWatch Logs log groups"),
            Map.entry("AWS::NetworkFirewall::Firewall", "Network Firewall firewalls"),
            Map.entry("AWS::Organizations::Account", "member accounts"),
            Map.entry("AWS::RDS::DBCluster", "RDS DB clusters"),
            Map.entry("AWS::RDS::DBInstance", "RDS DB instances"),
            Map.entry("AWS::S3::Bucket", "S3 buckets"),
            Map.entry("AWS::WAFv2::WebACL", "WAF web ACLs"),
            Map.entry("AWS::::Account", "accounts"),
            Map.entry("Custom::IrreadyDeployment", "irready deployments"));

    private ResourceNouns() {
    }

    /** The plural noun of {@code resourceType}; alternatives ({@code A / B}) joined by "or". */
    static String plural(String resourceType) {
        Set<String> nouns = new LinkedHashSet<>();
        for (String type : resourceType.split("\\s*/\\s*")) {
            nouns.add(PLURAL.getOrDefault(type.strip(), "resources of type " + type.strip()));
        }
        List<String> words = new ArrayList<>(nouns);
        for (int i = 1; i < words.size(); i++) { // "RDS DB instances or RDS DB clusters" → "… or clusters"
            words.set(i, withoutSharedStart(words.get(0), words.get(i)));
        }
        return String.join(" or ", words);
    }

    /** {@code later} without the leading words it shares with {@code first}, keeping its last word. */
    private static String withoutSharedStart(String first, String later) {
        String[] a = first.split(" ");
        String[] b = later.split(" ");
        int shared = 0;
        while (shared < Math.min(a.length, b.length) - 1 && a[shared].equals(b[shared])) {
            shared++;
        }
        return String.join(" ", List.of(b).subList(shared, b.length));
    }
}
