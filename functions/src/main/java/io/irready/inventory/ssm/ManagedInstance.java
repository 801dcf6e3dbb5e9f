package io.irready.inventory.ssm;

import java.util.Optional;

/**
 * A node registered with Systems Manager (DescribeInstanceInformation).
 *
 * @param id           instance id ({@code i-…}) or hybrid node id ({@code mi-…})
 * @param pingStatus   {@code Online}, {@code ConnectionLost} or {@code Inactive}
 * @param agentVersion SSM agent version, if reported
 */
public record ManagedInstance(String id, String pingStatus, Optional<String> agentVersion) {

    public boolean isOnline() {
        return "Online".equals(pingStatus);
    }
}
