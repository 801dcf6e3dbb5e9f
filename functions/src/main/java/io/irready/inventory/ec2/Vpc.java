package io.irready.inventory.ec2;

/**
 * A VPC as the checks need it.
 *
 * @param id        VPC id ({@code vpc-…})
 * @param ownerId   the account that owns it (a VPC shared through RAM is owned by another account)
 * @param isDefault whether it is the region's default VPC
 */
public record Vpc(String id, String ownerId, boolean isDefault) {
}
