package io.irready.inventory.cloudtrail;

import java.time.Instant;
import java.util.Optional;

/**
 * A write management event from CloudTrail Event History ({@code LookupEvents}). Every string field is
 * attacker-influenced (names, user agents, IPs can be spoofed or crafted): escape before display.
 *
 * @param region      the region whose Event History returned it
 * @param eventId     CloudTrail event id
 * @param time        when it happened
 * @param eventSource e.g. {@code ec2.amazonaws.com}
 * @param eventName   e.g. {@code DeleteFlowLogs}
 * @param principal   who: {@code userIdentity.arn}, else the user name Event History reports
 * @param sourceIp    {@code sourceIPAddress} (an IP, or a service name for calls AWS made on one's behalf)
 * @param errorCode   set when the call failed (a failed call is an attempt, still worth reading)
 */
public record LookedUpEvent(String region, String eventId, Instant time, String eventSource, String eventName,
                            String principal, String sourceIp, Optional<String> errorCode) {
}
