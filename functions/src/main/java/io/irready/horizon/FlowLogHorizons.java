package io.irready.horizon;

import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.ec2.Subnet;
import io.irready.inventory.ec2.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What crossed the network: each VPC's flow logs (on the VPC or its subnets), each as far back as
 * its destination keeps them. A VPC no flow log captures, a flow log that is not active or whose
 * delivery fails, and a destination that does not exist all keep nothing: zero days.
 */
final class FlowLogHorizons {
    private FlowLogHorizons() {
    }

    static List<Horizon> of(Ec2Inventory ec2, Destinations destinations, Set<String> consumedGroups) {
        List<Horizon> horizons = new ArrayList<>();
        for (Vpc vpc : ec2.vpcs()) {
            List<FlowLog> flowLogs = new ArrayList<>(ec2.flowLogsOf(vpc.id()));
            for (Subnet subnet : ec2.subnetsOf(vpc.id())) {
                flowLogs.addAll(ec2.flowLogsOf(subnet.id()));
            }
            if (flowLogs.isEmpty()) {
                horizons.add(Horizon.days(Source.FLOW_LOGS, vpc.id(), 0, "no flow log captures this VPC"));
            }
            for (FlowLog flowLog : flowLogs) {
                flowLog.logGroupName().ifPresent(consumedGroups::add);
                horizons.add(of(flowLog, vpc, destinations));
            }
        }
        return horizons;
    }

    private static Horizon of(FlowLog flowLog, Vpc vpc, Destinations destinations) {
        String resource = vpc.id() + " " + flowLog.id()
                + (flowLog.resourceId().equals(vpc.id()) ? "" : " (" + flowLog.resourceId() + ")");
        if (!flowLog.isActive()) {
            return Horizon.days(Source.FLOW_LOGS, resource, 0, "the flow log is not active: it records nothing");
        }
        if (flowLog.deliveryFailed()) {
            return Horizon.days(Source.FLOW_LOGS, resource, 0, "delivery fails ("
                    + flowLog.deliverLogsError().orElse("no error given") + "): nothing reaches the destination");
        }
        if (FlowLog.CLOUD_WATCH_LOGS.equals(flowLog.destinationType()) && flowLog.logGroupName().isPresent()) {
            return destinations.logGroup(Source.FLOW_LOGS, resource, flowLog.logGroupName().get());
        }
        return flowLog.destination().map(arn -> destinations.of(Source.FLOW_LOGS, resource, arn))
                .orElseGet(() -> Horizon.days(Source.FLOW_LOGS, resource, 0,
                        "the flow log reports no destination (" + flowLog.destinationType() + ")"));
    }
}
