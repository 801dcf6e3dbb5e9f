package io.irready.inventory.ec2;

/** A subnet and the VPC it belongs to. */
public record Subnet(String id, String vpcId) {
}
