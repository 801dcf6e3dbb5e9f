package io.irready.inventory.logs;

/**
 * A vended-log delivery: a source connected to a destination (CloudWatch Logs, S3, Firehose).
 *
 * @param id                 delivery id
 * @param sourceName         the delivery source it reads from
 * @param destinationArn     where the logs go
 * @param destinationType    {@code CWL}, {@code S3}, {@code FH} (or a type a newer API adds)
 */
public record Delivery(String id, String sourceName, String destinationArn, String destinationType) {
}
