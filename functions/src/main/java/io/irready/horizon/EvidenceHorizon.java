package io.irready.horizon;

import io.irready.checks.cloudfront.CloudFrontAccessLogging;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Inventory;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.elb.ElbInventory;
import io.irready.inventory.apigateway.ApiGatewayInventory;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.wafv2.WafInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the evidence horizon of one account and region from its inventory (the collectors make
 * every AWS call; nothing here does). Each kind of source is read on its own: one that cannot be
 * read is reported as not read, with the reason, and hides nothing else. Sources with a log group
 * of their own come before the sweep of forensic log groups, which lists only the groups left over.
 */
public final class EvidenceHorizon {
    private EvidenceHorizon() {
    }

    /**
     * @param forensicPrefixes the configured forensic log group name prefixes
     * @param now              the time "days back" and lifecycle expiration dates are measured from
     */
    public static HorizonReport read(Inventory inventory, List<String> forensicPrefixes, Instant now) {
        Destinations destinations = new Destinations(inventory, now);
        Set<String> consumed = new HashSet<>();
        List<Horizon> sources = new ArrayList<>();
        sources.addAll(part(Source.TRAIL_BUCKET, () -> CloudTrailHorizons.of(inventory, destinations, consumed)));
        sources.addAll(part(Source.FLOW_LOGS,
                () -> FlowLogHorizons.of(inventory.service(Ec2Inventory.class), destinations, consumed)));
        sources.addAll(part(Source.ELB_LOGS,
                () -> FrontDoorHorizons.loadBalancers(inventory.service(ElbInventory.class), destinations)));
        if (CloudFrontAccessLogging.HOME_REGION.equals(inventory.region())) { // global: read once, from its home
            sources.addAll(part(Source.CLOUDFRONT_LOGS, () -> FrontDoorHorizons.distributions(inventory, destinations)));
        }
        sources.addAll(part(Source.WAF_LOGS,
                () -> FrontDoorHorizons.webAcls(inventory.service(WafInventory.class), destinations, consumed)));
        sources.addAll(part(Source.API_GATEWAY_LOGS, () -> FrontDoorHorizons.apiStages(
                inventory.service(ApiGatewayInventory.class), destinations, consumed)));
        sources.addAll(part(Source.RDS_LOGS,
                () -> LogGroupHorizons.rds(inventory.service(RdsInventory.class), destinations, consumed)));
        sources.addAll(part(Source.EKS_AUDIT,
                () -> LogGroupHorizons.eks(inventory.service(EksInventory.class), destinations, consumed)));
        sources.addAll(part(Source.LOG_GROUP, () -> LogGroupHorizons.forensic(
                inventory.service(LogsInventory.class), forensicPrefixes, destinations, consumed)));
        return new HorizonReport(inventory.account(), inventory.region(), now, sources);
    }

    private static List<Horizon> part(Source source, Supplier<List<Horizon>> read) {
        try {
            return read.get();
        } catch (AwsCallFailedException e) {
            return List.of(Horizon.notRead(source, "(all)", "could not be read: " + e.getMessage()));
        }
    }
}
