package io.irready.moto;

import io.irready.inventory.AwsClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A small, reproducible account for the start-up benchmark ({@code ./bench.sh --only startup}): the
 * logging concerns of a real account in one region of {@code moto_server}, so that {@code irready scan}
 * is timed against an emulator written by other people, with a mix of PASS and FAIL on every check
 * family. Fixed names throughout: two runs of the seed on a fresh server give the same account.
 *
 * <p>One multi-region trail logging (to a bucket and a log group) and one stopped single-region trail;
 * three VPCs besides moto's default one (flow logs to CloudWatch Logs, to S3, none); three instances
 * (two running, one stopped); two DB instances (PostgreSQL exporting its log, MySQL exporting none);
 * two functions; log groups with and without retention; two CloudFront distributions (one logging);
 * a GuardDuty detector.
 */
public final class MotoAccountSeed {
    public static final String REGION = "eu-west-1";

    private MotoAccountSeed() {
    }

    /** Creates the account's resources through {@code clients} (moto's own account). */
    public static void seed(AwsClients clients) {
        String account = MotoServer.ACCOUNT;
        CloudWatchLogsClient logs = clients.shared(CloudWatchLogsClient::builder, REGION);
        for (String group : new String[] {"/trail/main", "/vpc/flow", "/aws/lambda/orders", "/aws/lambda/report",
                                          "/aws/rds/instance/orders/postgresql"}) {
            logs.createLogGroup(b -> b.logGroupName(group));
        }
        logs.putRetentionPolicy(b -> b.logGroupName("/trail/main").retentionInDays(400));
        logs.putRetentionPolicy(b -> b.logGroupName("/vpc/flow").retentionInDays(30));
        logs.putRetentionPolicy(b -> b.logGroupName("/aws/lambda/orders").retentionInDays(731));

        S3Client s3 = clients.sharedS3(REGION);
        for (String bucket : new String[] {"seed-trail-logs", "seed-legacy-trail", "seed-flow-logs", "seed-cdn-logs",
                                           "seed-site"}) {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        }

        CloudTrailClient cloudtrail = clients.shared(CloudTrailClient::builder, REGION);
        cloudtrail.createTrail(r -> r.name("main").s3BucketName("seed-trail-logs").isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true).enableLogFileValidation(true)
                .cloudWatchLogsLogGroupArn("arn:aws:logs:" + REGION + ":" + account + ":log-group:/trail/main:*")
                .cloudWatchLogsRoleArn("arn:aws:iam::" + account + ":role/trail-to-logs"));
        cloudtrail.startLogging(r -> r.name("main"));
        cloudtrail.createTrail(r -> r.name("legacy").s3BucketName("seed-legacy-trail"));
        cloudtrail.startLogging(r -> r.name("legacy"));
        cloudtrail.stopLogging(r -> r.name("legacy"));

        Ec2Client ec2 = clients.shared(Ec2Client::builder, REGION);
        String toLogs = ec2.createVpc(b -> b.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        String toS3 = ec2.createVpc(b -> b.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        String dark = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        ec2.createFlowLogs(b -> b.resourceIds(toLogs).resourceType(FlowLogsResourceType.VPC)
                .trafficType(TrafficType.ALL).logDestinationType(LogDestinationType.CLOUD_WATCH_LOGS)
                .logGroupName("/vpc/flow").deliverLogsPermissionArn("arn:aws:iam::" + account + ":role/flow-logs"));
        ec2.createFlowLogs(b -> b.resourceIds(toS3).resourceType(FlowLogsResourceType.VPC)
                .trafficType(TrafficType.REJECT).logDestinationType(LogDestinationType.S3)
                .logDestination("arn:aws:s3:::seed-flow-logs"));
        String subnet = ec2.createSubnet(b -> b.vpcId(dark).cidrBlock("10.30.1.0/24")).subnet().subnetId();
        var running = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(3).maxCount(3).subnetId(subnet))
                .instances();
        ec2.stopInstances(b -> b.instanceIds(running.get(2).instanceId()));

        RdsClient rds = clients.shared(RdsClient::builder, REGION);
        rds.createDBInstance(b -> b.dbInstanceIdentifier("orders").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("seed-password-1")
                .enableCloudwatchLogsExports("postgresql"));
        rds.createDBInstance(b -> b.dbInstanceIdentifier("legacy").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("seed-password-2"));

        String role = clients.shared(IamClient::builder, "aws-global").createRole(b -> b.roleName("seed-fn-role")
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role().arn();
        LambdaClient lambda = clients.shared(LambdaClient::builder, REGION);
        for (String name : new String[] {"orders", "report"}) {
            lambda.createFunction(b -> b.functionName(name).role(role).runtime(Runtime.PYTHON3_12)
                    .handler("h.handler").code(c -> c.zipFile(handlerZip())));
        }

        CloudFrontClient cloudfront = clients.shared(CloudFrontClient::builder, "aws-global");
        for (boolean logging : new boolean[] {true, false}) {
            String name = logging ? "logged" : "dark";
            cloudfront.createDistribution(b -> b.distributionConfig(c -> c.callerReference("seed-" + name)
                    .comment(name).enabled(true)
                    .origins(o -> o.quantity(1).items(i -> i.id("site").domainName("seed-site.s3.amazonaws.com")
                            .s3OriginConfig(x -> x.originAccessIdentity(""))))
                    .defaultCacheBehavior(d -> d.targetOriginId("site")
                            .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                            .forwardedValues(f -> f.queryString(false).cookies(k -> k.forward("none")))
                            .minTTL(0L).trustedSigners(t -> t.enabled(false).quantity(0)))
                    .logging(l -> l.enabled(logging).includeCookies(false)
                            .bucket(logging ? "seed-cdn-logs.s3.amazonaws.com" : "").prefix(""))));
        }

        clients.shared(GuardDutyClient::builder, REGION).createDetector(b -> b.enable(true));
    }

    private static SdkBytes handlerZip() {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("h.py"));
            zip.write("def handler(event, context):\n    return None\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return SdkBytes.fromByteArray(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
