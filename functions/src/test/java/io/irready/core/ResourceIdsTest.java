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

    @Test
    void partitionsComeFromTheSdksRegionMetadata() {
        assertThat(ResourceIds.partition("eu-west-1")).isEqualTo("aws");
        assertThat(ResourceIds.partition("cn-northwest-1")).isEqualTo("aws-cn");
        assertThat(ResourceIds.partition("us-gov-east-1")).isEqualTo("aws-us-gov");
        assertThat(ResourceIds.partition("us-iso-east-1")).isEqualTo("aws-iso");
        assertThat(ResourceIds.partition("us-isob-east-1")).isEqualTo("aws-iso-b");
        // a region newer than the SDK build is placed by its partition's region pattern
        assertThat(ResourceIds.partition("cn-south-9")).isEqualTo("aws-cn");
        assertThat(ResourceIds.partition("")).isEqualTo("aws");
        assertThat(ResourceIds.arn("kms", "us-iso-east-1", "123456789012", "key/k"))
                .isEqualTo("arn:aws-iso:kms:us-iso-east-1:123456789012:key/k");
    }

    @Test
    void arnsOfEveryPartitionAreReadBack() {
        String cn = "arn:aws-cn:cloudtrail:cn-north-1:111122223333:trail/t";
        assertThat(ResourceIds.isArn(cn)).isTrue();
        assertThat(ResourceIds.accountOf(cn)).isEqualTo("111122223333");
        assertThat(ResourceIds.regionOf(cn)).isEqualTo("cn-north-1");

        String gov = "arn:aws-us-gov:logs:us-gov-west-1:444455556666:log-group:/aws/x:*";
        assertThat(ResourceIds.accountOf(gov)).isEqualTo("444455556666");
        assertThat(ResourceIds.regionOf(gov)).isEqualTo("us-gov-west-1");

        String iso = "arn:aws-iso:kms:us-iso-east-1:777788889999:key/1234";
        assertThat(ResourceIds.accountOf(iso)).isEqualTo("777788889999");
        assertThat(ResourceIds.regionOf(iso)).isEqualTo("us-iso-east-1");

        String isoBucket = "arn:aws-iso:s3:::evidence";
        assertThat(ResourceIds.isArn(isoBucket)).isTrue();
        assertThat(ResourceIds.accountOf(isoBucket)).isNull();
        assertThat(ResourceIds.regionOf(isoBucket)).isNull();

        // IAM ARNs have an account and no region
        assertThat(ResourceIds.regionOf("arn:aws-us-gov:iam::444455556666:role/ir")).isNull();
        assertThat(ResourceIds.accountOf("arn:aws-us-gov:iam::444455556666:role/ir")).isEqualTo("444455556666");
    }
}
