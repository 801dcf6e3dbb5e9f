package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceIdsTest {
    @Test
    void accountRegionIdIsAccountSlashRegion() {
        assertThat(ResourceIds.accountRegion("123456789012", "eu-west-1")).isEqualTo("123456789012/eu-west-1");
    }

    @Test
    void arnUsesThePartitionOfTheRegion() {
        assertThat(ResourceIds.arn("cloudtrail", "eu-west-1", "123456789012", "trail/main"))
                .isEqualTo("arn:aws:cloudtrail:eu-west-1:123456789012:trail/main");
        assertThat(ResourceIds.arn("ec2", "cn-north-1", "123456789012", "vpc/vpc-1"))
                .isEqualTo("arn:aws-cn:ec2:cn-north-1:123456789012:vpc/vpc-1");
        assertThat(ResourceIds.arn("ec2", "us-gov-west-1", "123456789012", "vpc/vpc-1"))
                .isEqualTo("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:vpc/vpc-1");
        // global resources (IAM) have no region and live in the aws partition
        assertThat(ResourceIds.arn("iam", "", "123456789012", "role/ir")).isEqualTo("arn:aws:iam::123456789012:role/ir");
    }

    @Test
    void accountAndRegionAreReadBackFromArns() {
        String trail = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail";
        assertThat(ResourceIds.isArn(trail)).isTrue();
        assertThat(ResourceIds.accountOf(trail)).isEqualTo("111122223333");
        assertThat(ResourceIds.regionOf(trail)).isEqualTo("us-east-1");

        String bucket = "arn:aws:s3:::trail-bucket";
        assertThat(ResourceIds.accountOf(bucket)).isNull();
        assertThat(ResourceIds.regionOf(bucket)).isNull();

        // the resource part may itself contain colons (log groups)
        assertThat(ResourceIds.accountOf("arn:aws:logs:eu-west-1:123456789012:log-group:a:b")).isEqualTo("123456789012");
    }

    @Test
    void nonArnsAreRecognised() {
        assertThat(ResourceIds.isArn("123456789012/eu-west-1")).isFalse();
        assertThat(ResourceIds.isArn(null)).isFalse();
        assertThat(ResourceIds.accountOf("trail-name")).isNull();
        assertThat(ResourceIds.regionOf("arn:aws:too:short")).isNull();
    }
}
