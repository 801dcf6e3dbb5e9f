package io.irready.inventory.wafv2;

import java.util.List;

/**
 * A WAFv2 web ACL and where its request logs go.
 *
 * @param name             web ACL name
 * @param arn              web ACL ARN ({@code …:regional/webacl/<name>/<id>} or {@code …:global/webacl/…})
 * @param scope            {@code REGIONAL} or {@code CLOUDFRONT}
 * @param logDestinations  the logging configuration's destinations (a Firehose stream, a log group or a
 *                         bucket, all named {@code aws-waf-logs-…}); empty when the ACL has no logging configuration
 */
public record WebAcl(String name, String arn, String scope, List<String> logDestinations) {
    public WebAcl {
        logDestinations = List.copyOf(logDestinations);
    }

    public boolean logged() {
        return !logDestinations.isEmpty();
    }
}
