package io.irready.inventory.eks;

import java.util.List;

/**
 * An EKS cluster and the control-plane log types it sends to CloudWatch Logs.
 *
 * @param name        cluster name
 * @param arn         cluster ARN ({@code arn:aws:eks:<region>:<account>:cluster/<name>})
 * @param status      {@code CREATING}, {@code ACTIVE}, {@code UPDATING}, {@code DELETING}, {@code FAILED} or {@code PENDING}
 * @param loggedTypes the log types of {@code logging.clusterLogging[]} entries that are enabled
 *                    ({@code api}, {@code audit}, {@code authenticator}, {@code controllerManager}, {@code scheduler})
 */
public record EksCluster(String name, String arn, String status, List<String> loggedTypes) {
    public EksCluster {
        loggedTypes = List.copyOf(loggedTypes);
    }
}
