package io.irready.inventory.cloudfront;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CloudFront state of the account (CloudFront is global). The distribution list costs one call
 * per page. {@code ListDistributions} does not return the legacy {@code Logging} block, so
 * {@link #legacyLogging} costs one {@code GetDistributionConfig} per distribution: the one
 * documented per-resource call, which checks make only for distributions nothing cheaper proves.
 */
public final class CloudFrontInventory {
    private final Supplier<List<Distribution>> distributions;
    private final Function<String, LegacyLogging> legacyLogging;

    public CloudFrontInventory(Supplier<List<Distribution>> distributions, Function<String, LegacyLogging> legacyLogging) {
        this.distributions = Memo.of(distributions);
        this.legacyLogging = Memo.byKey(legacyLogging);
    }

    /** Hand-built (tests, demo): legacy logging by distribution id, disabled when absent. */
    public static CloudFrontInventory of(List<Distribution> distributions, Map<String, LegacyLogging> legacyById) {
        return new CloudFrontInventory(() -> List.copyOf(distributions),
                id -> legacyById.getOrDefault(id, LegacyLogging.DISABLED));
    }

    /** Every distribution of the account ({@code cloudfront:ListDistributions}, all pages). */
    public List<Distribution> distributions() {
        return distributions.get();
    }

    /** Legacy S3 access logging of one distribution ({@code cloudfront:GetDistributionConfig}, once per id). */
    public LegacyLogging legacyLogging(String distributionId) {
        return legacyLogging.apply(distributionId);
    }
}
