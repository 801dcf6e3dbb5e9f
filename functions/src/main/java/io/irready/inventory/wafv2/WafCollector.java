package io.irready.inventory.wafv2;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

/**
 * Loads {@link WafInventory} over the SDK (JSON 1.1, {@code AWSWAF_20190729.*}). CloudFront web ACLs
 * live in us-east-1 whatever region a distribution serves, so they are listed only when evaluating
 * us-east-1 (and judged once). {@code WAFNonexistentItemException} from GetLoggingConfiguration is
 * AWS's answer for "this ACL has no logging configuration".
 */
public final class WafCollector {
    public static final String LIST_WEB_ACLS = "wafv2:ListWebACLs";
    public static final String GET_LOGGING_CONFIGURATION = "wafv2:GetLoggingConfiguration";

    static final String CLOUDFRONT_REGION = "us-east-1";

    private WafCollector() {
    }

    public static WafInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(Wafv2Client::builder, region), region);
    }

    public static WafInventory inventory(Wafv2Client client, String region) {
        return new WafInventory(() -> {
            List<WebAcl> acls = new ArrayList<>(list(client, Scope.REGIONAL));
            if (CLOUDFRONT_REGION.equals(region)) {
                acls.addAll(list(client, Scope.CLOUDFRONT));
            }
            return List.copyOf(acls);
        });
    }

    private static List<WebAcl> list(Wafv2Client client, Scope scope) {
        List<WebACLSummary> summaries = AwsCall.call(LIST_WEB_ACLS, () -> {
            List<WebACLSummary> all = new ArrayList<>();
            String marker = null;
            do {
                String from = marker;
                ListWebAcLsResponse page = client.listWebACLs(b -> b.scope(scope).limit(100).nextMarker(from));
                all.addAll(page.webACLs());
                marker = page.nextMarker();
            } while (marker != null && !marker.isEmpty());
            return all;
        });
        return summaries.stream().map(s -> new WebAcl(s.name(), s.arn(), scope.toString(),
                destinations(client, s.arn()))).toList();
    }

    private static List<String> destinations(Wafv2Client client, String arn) {
        return AwsCall.call(GET_LOGGING_CONFIGURATION, () -> {
            try {
                return client.getLoggingConfiguration(b -> b.resourceArn(arn)).loggingConfiguration()
                        .logDestinationConfigs();
            } catch (WafNonexistentItemException none) {
                return List.of();
            }
        });
    }
}
