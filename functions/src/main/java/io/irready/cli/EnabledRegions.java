package io.irready.cli;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The regions of {@code scan --all-regions}. A class of its own so that a scan of named regions never
 * loads the EC2 client interface (thousands of methods) just to verify {@link ScanCommand}.
 */
final class EnabledRegions {
    private EnabledRegions() {
    }

    /** Regions enabled for the account (DescribeRegions without AllRegions omits the not-opted-in ones). */
    static List<String> of(AwsClients clients, String region) {
        Ec2Client ec2 = clients.shared(Ec2Client::builder, region);
        return AwsCall.call("ec2:DescribeRegions", () -> ec2.describeRegions(r -> r.allRegions(false)))
                .regions().stream()
                .filter(r -> !"not-opted-in".equals(r.optInStatus()))
                .map(Region::regionName)
                .sorted()
                .toList();
    }
}
