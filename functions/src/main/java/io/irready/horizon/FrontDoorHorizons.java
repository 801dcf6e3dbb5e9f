package io.irready.horizon;

import io.irready.core.Inventory;
import io.irready.inventory.apigateway.ApiGatewayInventory;
import io.irready.inventory.apigateway.ApiStage;
import io.irready.inventory.cloudfront.CloudFrontInventory;
import io.irready.inventory.cloudfront.Distribution;
import io.irready.inventory.cloudfront.LegacyLogging;
import io.irready.inventory.elb.ElbInventory;
import io.irready.inventory.elb.LoadBalancer;
import io.irready.inventory.logs.Delivery;
import io.irready.inventory.logs.DeliveryInventory;
import io.irready.inventory.wafv2.WafInventory;
import io.irready.inventory.wafv2.WebAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What hit the web front door: load balancer access logs (their bucket's lifecycle; the inventory
 * does not report the log prefix, so every rule of the bucket counts), CloudFront access logs
 * (global: read from us-east-1 only; legacy bucket or vended-log deliveries), WAF logs and API
 * Gateway access logs (their destinations). Logging that is off keeps nothing: zero days.
 */
final class FrontDoorHorizons {
    private FrontDoorHorizons() {
    }

    static List<Horizon> loadBalancers(ElbInventory elb, Destinations destinations) {
        List<LoadBalancer> all = new ArrayList<>(elb.v2LoadBalancers());
        all.addAll(elb.classicLoadBalancers());
        List<Horizon> horizons = new ArrayList<>();
        for (LoadBalancer lb : all) {
            lb.accessLogs().ifPresent(logs -> horizons.add(logs.enabled() && !logs.bucket().isEmpty()
                    ? destinations.bucket(Source.ELB_LOGS, lb.name(), logs.bucket(), "")
                    : Horizon.days(Source.ELB_LOGS, lb.name(), 0, "access logging is off")));
        }
        return horizons;
    }

    static List<Horizon> distributions(Inventory inventory, Destinations destinations) {
        CloudFrontInventory cloudFront = inventory.service(CloudFrontInventory.class);
        List<Horizon> horizons = new ArrayList<>();
        for (Distribution distribution : cloudFront.distributions()) {
            LegacyLogging legacy = cloudFront.legacyLogging(distribution.id());
            if (legacy.enabled() && legacy.bucket().isPresent()) {
                String domain = legacy.bucket().get();
                String bucket = domain.contains(".s3.") ? domain.substring(0, domain.indexOf(".s3.")) : domain;
                horizons.add(destinations.bucket(Source.CLOUDFRONT_LOGS, distribution.id(), bucket, ""));
                continue;
            }
            List<Delivery> deliveries = inventory.service(DeliveryInventory.class)
                    .deliveriesOf(distribution.arn(), "ACCESS_LOGS");
            if (deliveries.isEmpty()) {
                horizons.add(Horizon.days(Source.CLOUDFRONT_LOGS, distribution.id(), 0, "access logging is off"));
            }
            deliveries.forEach(d -> horizons.add(destinations.of(Source.CLOUDFRONT_LOGS, distribution.id(),
                    d.destinationArn())));
        }
        return horizons;
    }

    static List<Horizon> webAcls(WafInventory waf, Destinations destinations, Set<String> consumedGroups) {
        List<Horizon> horizons = new ArrayList<>();
        for (WebAcl acl : waf.webAcls()) {
            if (!acl.logged()) {
                horizons.add(Horizon.days(Source.WAF_LOGS, acl.name(), 0, "the web ACL has no logging configuration"));
            }
            for (String destination : acl.logDestinations()) {
                consume(destination, consumedGroups);
                horizons.add(destinations.of(Source.WAF_LOGS, acl.name(), destination));
            }
        }
        return horizons;
    }

    static List<Horizon> apiStages(ApiGatewayInventory api, Destinations destinations, Set<String> consumedGroups) {
        List<ApiStage> stages = new ArrayList<>(api.restStages());
        stages.addAll(api.v2Stages());
        List<Horizon> horizons = new ArrayList<>();
        for (ApiStage stage : stages) {
            String resource = (stage.apiName().isEmpty() ? stage.apiId() : stage.apiName()) + "/" + stage.stageName();
            if (stage.accessLogDestination().isEmpty()) {
                horizons.add(Horizon.days(Source.API_GATEWAY_LOGS, resource, 0, "access logging is off"));
                continue;
            }
            consume(stage.accessLogDestination().get(), consumedGroups);
            horizons.add(destinations.of(Source.API_GATEWAY_LOGS, resource, stage.accessLogDestination().get()));
        }
        return horizons;
    }

    private static void consume(String destinationArn, Set<String> consumedGroups) {
        if (destinationArn.contains(":log-group:")) {
            consumedGroups.add(Destinations.logGroupName(destinationArn));
        }
    }
}
