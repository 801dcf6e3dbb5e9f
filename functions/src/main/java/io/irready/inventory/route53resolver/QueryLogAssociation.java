package io.irready.inventory.route53resolver;

import java.util.Optional;

/**
 * A Resolver query logging configuration associated with a VPC.
 *
 * @param id            association id
 * @param configId      the query log configuration id
 * @param vpcId         the VPC ({@code ResourceId})
 * @param status        {@code CREATING}, {@code ACTIVE}, {@code ACTION_NEEDED}, {@code DELETING} or {@code FAILED}
 * @param errorMessage  why it needs action (e.g. the destination was deleted), when AWS says
 */
public record QueryLogAssociation(String id, String configId, String vpcId, String status, Optional<String> errorMessage) {
    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
