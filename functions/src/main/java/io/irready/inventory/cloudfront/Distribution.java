package io.irready.inventory.cloudfront;

import java.util.Objects;
import java.util.Optional;

/**
 * A CloudFront distribution as {@code ListDistributions} describes it.
 *
 * @param id                   distribution id (e.g. {@code E2QWRUHAPOMQZL})
 * @param arn                  {@code arn:aws:cloudfront::<account>:distribution/<id>} (the canonical resource id)
 * @param domainName           {@code dxxxx.cloudfront.net}
 * @param realtimeLogConfigArn the real-time log config of the default cache behaviour, if any
 */
public record Distribution(String id, String arn, String domainName, Optional<String> realtimeLogConfigArn) {
    public Distribution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(realtimeLogConfigArn, "realtimeLogConfigArn");
    }
}
