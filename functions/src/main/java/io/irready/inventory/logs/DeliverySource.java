package io.irready.inventory.logs;

import java.util.List;

/**
 * A CloudWatch Logs vended-log delivery source: a resource (e.g. a CloudFront distribution)
 * offering one log type for delivery.
 *
 * @param name         delivery source name (deliveries refer to it)
 * @param service      the AWS service emitting the logs, e.g. {@code cloudfront}
 * @param logType      e.g. {@code ACCESS_LOGS}
 * @param resourceArns the resources whose logs it carries
 */
public record DeliverySource(String name, String service, String logType, List<String> resourceArns) {
    public DeliverySource {
        resourceArns = List.copyOf(resourceArns);
    }
}
