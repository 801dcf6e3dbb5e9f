package io.irready.securityhub;

import java.util.Map;

/**
 * ASFF's {@code Resources[].Type} for the CloudFormation-style resource types irready's checks
 * judge. ASFF has no type for some of them (log groups, Config recorders): those are {@code Other},
 * as the format prescribes.
 */
public final class AsffResourceTypes {
    public static final String ACCOUNT = "AwsAccount";
    public static final String OTHER = "Other";

    private static final Map<String, String> BY_CLOUDFORMATION_TYPE = Map.ofEntries(
            Map.entry("AWS::::Account", ACCOUNT),
            Map.entry("AWS::CloudTrail::Trail", "AwsCloudTrailTrail"),
            Map.entry("AWS::S3::Bucket", "AwsS3Bucket"),
            Map.entry("AWS::KMS::Key", "AwsKmsKey"),
            Map.entry("AWS::EC2::VPC", "AwsEc2Vpc"),
            Map.entry("AWS::EC2::Instance", "AwsEc2Instance"),
            Map.entry("AWS::Lambda::Function", "AwsLambdaFunction"),
            Map.entry("AWS::CloudFront::Distribution", "AwsCloudFrontDistribution"),
            Map.entry("AWS::RDS::DBInstance", "AwsRdsDbInstance"),
            Map.entry("AWS::RDS::DBCluster", "AwsRdsDbCluster"),
            Map.entry("AWS::IAM::Role", "AwsIamRole"),
            Map.entry("AWS::GuardDuty::Detector", "AwsGuardDutyDetector"));

    private AsffResourceTypes() {
    }

    public static String of(String cloudFormationType) {
        return BY_CLOUDFORMATION_TYPE.getOrDefault(cloudFormationType, OTHER);
    }
}
