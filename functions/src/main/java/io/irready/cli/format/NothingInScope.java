package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import java.util.Comparator;

/**
 * A check that ran to completion in a region and found nothing of its kind to judge there (no finding
 * at all): the report says so, rather than leaving the reader to wonder whether the check ran.
 *
 * @param checkId the check
 * @param account the account scanned
 * @param region  the region
 */
public record NothingInScope(String checkId, String account, String region) {
    /** Reports list them by check, then account, then region. */
    public static final Comparator<NothingInScope> ORDER = Comparator.comparing(NothingInScope::checkId)
            .thenComparing(NothingInScope::account).thenComparing(NothingInScope::region);

    /** {@code no RDS DB instances or clusters in scope in us-east-1} (no check id, no full stop). */
    public String sentence(CheckMetadata check) {
        return "no " + ResourceNouns.plural(check.resourceType()) + " in scope in " + region;
    }
}
