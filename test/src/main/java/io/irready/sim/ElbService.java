package io.irready.sim;

import static io.irready.sim.Reply.esc;

import io.irready.sim.SimulatedAccount.LoadBalancer;
import java.util.List;
import java.util.Optional;

/**
 * Elastic Load Balancing in AWS query XML: ELBv2 ({@code Version=2015-12-01}) and Classic
 * ({@code Version=2012-06-01}) sign as the same service and share action names, so the API version
 * tells them apart.
 */
final class ElbService {
    private static final String V2 = "2015-12-01";
    private static final String CLASSIC = "2012-06-01";
    private final SimulatedAccount a;

    ElbService(SimulatedAccount account) {
        this.a = account;
    }

    Reply serve(AwsRequest r) {
        boolean v2 = V2.equals(r.form().get("Version"));
        return switch (r.action() + (v2 ? "@v2" : "@classic")) {
            case "DescribeLoadBalancers@v2" -> v2LoadBalancers(r);
            case "DescribeListeners@v2" -> listeners(r);
            case "DescribeLoadBalancerAttributes@v2" -> v2Attributes(r);
            case "DescribeLoadBalancers@classic" -> classicLoadBalancers(r);
            case "DescribeLoadBalancerAttributes@classic" -> classicAttributes(r);
            default -> null;
        };
    }

    private List<LoadBalancer> v2() {
        return a.loadBalancers.stream().filter(lb -> !"classic".equals(lb.type())).toList();
    }

    private Optional<LoadBalancer> byArn(String arn) {
        return v2().stream().filter(lb -> a.loadBalancerArn(lb).equals(arn)).findFirst();
    }

    private static String response(String action, String version, String result) {
        return "<" + action + "Response xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/" + version + "/\"><"
                + action + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>sim</RequestId>"
                + "</ResponseMetadata></" + action + "Response>";
    }

    private Reply v2LoadBalancers(AwsRequest r) {
        Pages<LoadBalancer> page = Pages.of(v2(), r.form().get("Marker"), 400);
        StringBuilder xml = new StringBuilder("<LoadBalancers>");
        for (LoadBalancer lb : page.items()) {
            xml.append("<member><LoadBalancerArn>").append(a.loadBalancerArn(lb)).append("</LoadBalancerArn>")
                    .append("<LoadBalancerName>").append(esc(lb.name())).append("</LoadBalancerName>")
                    .append("<Type>").append(lb.type()).append("</Type><Scheme>internet-facing</Scheme>")
                    .append("<State><Code>active</Code></State></member>");
        }
        xml.append("</LoadBalancers>");
        if (page.nextToken() != null) {
            xml.append("<NextMarker>").append(page.nextToken()).append("</NextMarker>");
        }
        return Reply.xml(response("DescribeLoadBalancers", V2, xml.toString()));
    }

    private Reply listeners(AwsRequest r) {
        String arn = r.form().getOrDefault("LoadBalancerArn", "");
        Optional<LoadBalancer> lb = byArn(arn);
        if (lb.isEmpty()) {
            return Reply.queryError(400, "LoadBalancerNotFound", "Load balancer '" + arn + "' not found");
        }
        String protocol = lb.get().tlsListener() ? "TLS" : "TCP";
        return Reply.xml(response("DescribeListeners", V2, "<Listeners><member><ListenerArn>" + arn.replace(
                ":loadbalancer/", ":listener/") + "/0000000000000001</ListenerArn><LoadBalancerArn>" + arn
                + "</LoadBalancerArn><Port>443</Port><Protocol>" + protocol + "</Protocol></member></Listeners>"));
    }

    private Reply v2Attributes(AwsRequest r) {
        String arn = r.form().getOrDefault("LoadBalancerArn", "");
        Optional<LoadBalancer> lb = byArn(arn);
        if (lb.isEmpty()) {
            return Reply.queryError(400, "LoadBalancerNotFound", "Load balancer '" + arn + "' not found");
        }
        return Reply.xml(response("DescribeLoadBalancerAttributes", V2, "<Attributes>"
                + "<member><Key>access_logs.s3.enabled</Key><Value>" + lb.get().accessLogs() + "</Value></member>"
                + "<member><Key>access_logs.s3.bucket</Key><Value>" + esc(lb.get().accessLogs()
                ? lb.get().logBucket() : "") + "</Value></member>"
                + "<member><Key>access_logs.s3.prefix</Key><Value></Value></member>"
                + "<member><Key>deletion_protection.enabled</Key><Value>false</Value></member></Attributes>"));
    }

    private Reply classicLoadBalancers(AwsRequest r) {
        List<LoadBalancer> classic = a.loadBalancers.stream().filter(lb -> "classic".equals(lb.type())).toList();
        Pages<LoadBalancer> page = Pages.of(classic, r.form().get("Marker"), 400);
        StringBuilder xml = new StringBuilder("<LoadBalancerDescriptions>");
        for (LoadBalancer lb : page.items()) {
            xml.append("<member><LoadBalancerName>").append(esc(lb.name())).append("</LoadBalancerName>")
                    .append("<DNSName>").append(esc(lb.name())).append(".").append(a.region)
                    .append(".elb.amazonaws.com</DNSName></member>");
        }
        xml.append("</LoadBalancerDescriptions>");
        if (page.nextToken() != null) {
            xml.append("<NextMarker>").append(page.nextToken()).append("</NextMarker>");
        }
        return Reply.xml(response("DescribeLoadBalancers", CLASSIC, xml.toString()));
    }

    private Reply classicAttributes(AwsRequest r) {
        String name = r.form().getOrDefault("LoadBalancerName", "");
        Optional<LoadBalancer> lb = a.loadBalancers.stream()
                .filter(x -> "classic".equals(x.type()) && x.name().equals(name)).findFirst();
        if (lb.isEmpty()) {
            return Reply.queryError(400, "LoadBalancerNotFound", "There is no ACTIVE Load Balancer named '" + name + "'");
        }
        return Reply.xml(response("DescribeLoadBalancerAttributes", CLASSIC, "<LoadBalancerAttributes><AccessLog>"
                + "<Enabled>" + lb.get().accessLogs() + "</Enabled>"
                + (lb.get().accessLogs() ? "<S3BucketName>" + esc(lb.get().logBucket()) + "</S3BucketName>"
                + "<EmitInterval>5</EmitInterval>" : "") + "</AccessLog></LoadBalancerAttributes>"));
    }
}
