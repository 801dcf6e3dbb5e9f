package io.irready.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;

import java.time.Instant;

/**
 * Whole AWS accounts on an {@link AwsWire}, in each service's real wire format, for end-to-end
 * tests ({@code irready scan}, handlers). Account {@value #ACCOUNT}, region {@value #REGION}, one
 * multi-region trail {@value #TRAIL_NAME} delivering to bucket {@value #BUCKET} (SSE-KMS key
 * {@link #KEY_ARN}) and to CloudWatch Logs group {@value #LOG_GROUP}. STS GetCallerIdentity is
 * stubbed too (the CLI resolves the account with it).
 *
 * <ul>
 *   <li>{@link #healthy}: every cloudtrail-* check passes.</li>
 *   <li>{@link #stopped}: the only multi-region trail is stopped (cloudtrail-logging-all-regions FAILs,
 *       naming the trail; so do management events and CloudWatch delivery).</li>
 *   <li>{@link #lifecycleAndKeyPendingDeletion}: the bucket has a 1-day expiration rule
 *       (cloudtrail-bucket-retention FAILs) and the key is pending deletion (cloudtrail-kms-encryption FAILs).</li>
 * </ul>
 * Call one of them once per {@link AwsWire}.
 */
public final class CloudTrailAccounts {
    public static final String ACCOUNT = AwsWire.ACCOUNT;
    public static final String REGION = AwsWire.REGION;
    public static final String TRAIL_NAME = "management-trail";
    public static final String TRAIL_ARN = "arn:aws:cloudtrail:" + REGION + ":" + ACCOUNT + ":trail/" + TRAIL_NAME;
    public static final String BUCKET = "management-trail-logs-123456789012";
    public static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    public static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    public static final String KEY_ARN = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + KEY_ID;
    public static final String LOG_GROUP = "aws-cloudtrail-logs-management-trail";
    public static final String LOG_GROUP_ARN = "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + LOG_GROUP;

    /** The X-Amz-Target prefix of CloudTrail's JSON 1.1 protocol. */
    public static final String CLOUDTRAIL = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    private CloudTrailAccounts() {
    }

    /** A logging multi-region trail with validation, an enabled key, a 400-day lifecycle and recent CloudWatch delivery. */
    public static void healthy(AwsWire aws) {
        account(aws, true, "Enabled", 400);
    }

    /** As {@link #healthy}, but the trail was stopped (StopLogging) an hour ago. */
    public static void stopped(AwsWire aws) {
        account(aws, false, "Enabled", 400);
    }

    /** As {@link #healthy}, but with a 1-day lifecycle expiration on the bucket and the key pending deletion. */
    public static void lifecycleAndKeyPendingDeletion(AwsWire aws) {
        account(aws, true, "PendingDeletion", 1);
    }

    private static void account(AwsWire aws, boolean logging, String keyState, int expirationDays) {
        long now = Instant.now().getEpochSecond();
        callerIdentity(aws);
        aws.stub(jsonCall(CLOUDTRAIL + "ListTrails").willReturn(json("""
                {"Trails":[{"TrailARN":"%s","Name":"%s","HomeRegion":"%s"}]}""".formatted(TRAIL_ARN, TRAIL_NAME, REGION))));
        aws.stub(jsonCall(CLOUDTRAIL + "DescribeTrails").willReturn(json(describeTrails())));
        aws.stub(jsonCall(CLOUDTRAIL + "GetTrailStatus").willReturn(json(logging
                ? """
                {"IsLogging":true,"LatestDeliveryTime":%d,"LatestCloudWatchLogsDeliveryTime":%d,"StartLoggingTime":%d,
                 "LatestDigestDeliveryTime":%d}""".formatted(now - 300, now - 120, now - 86400 * 30, now - 600)
                : """
                {"IsLogging":false,"LatestDeliveryTime":%d,"LatestCloudWatchLogsDeliveryTime":%d,"StartLoggingTime":%d,
                 "StopLoggingTime":%d}""".formatted(now - 3700, now - 3650, now - 86400 * 30, now - 3600))));
        aws.stub(jsonCall(CLOUDTRAIL + "GetEventSelectors").willReturn(json("""
                {"TrailARN":"%s","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,
                 "DataResources":[],"ExcludeManagementEventSources":[]}]}""".formatted(TRAIL_ARN))));
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").willReturn(json("""
                {"logGroups":[{"logGroupName":"%s","arn":"%s:*","retentionInDays":400,"creationTime":1700000000000}]}"""
                .formatted(LOG_GROUP, LOG_GROUP_ARN))));
        aws.stub(jsonCall("TrentService.DescribeKey").willReturn(json(describeKey(keyState, now))));
        s3(aws, expirationDays);
    }

    /** STS GetCallerIdentity (AWS query protocol). */
    public static void callerIdentity(AwsWire aws) {
        aws.stub(queryCall("GetCallerIdentity").willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:sts::%1$s:assumed-role/irready-auditor/session</Arn>
                    <UserId>AROAEXAMPLEID:session</UserId>
                    <Account>%1$s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(ACCOUNT))));
    }

    static String describeTrails() {
        return """
                {"trailList":[{"Name":"%s","S3BucketName":"%s","IncludeGlobalServiceEvents":true,
                 "IsMultiRegionTrail":true,"HomeRegion":"%s","TrailARN":"%s","LogFileValidationEnabled":true,
                 "CloudWatchLogsLogGroupArn":"%s:*","CloudWatchLogsRoleArn":"arn:aws:iam::%s:role/CloudTrailToCloudWatchLogs",
                 "KmsKeyId":"%s","HasCustomEventSelectors":false,"HasInsightSelectors":false,"IsOrganizationTrail":false}]}"""
                .formatted(TRAIL_NAME, BUCKET, REGION, TRAIL_ARN, LOG_GROUP_ARN, ACCOUNT, KEY_ARN);
    }

    static String describeKey(String state, long now) {
        String deletion = "PendingDeletion".equals(state)
                ? ",\"DeletionDate\":%d,\"PendingDeletionWindowInDays\":7".formatted(now + 6 * 86400) : "";
        return """
                {"KeyMetadata":{"AWSAccountId":"%s","KeyId":"%s","Arn":"%s","CreationDate":1700000000,
                 "Enabled":%s,"Description":"CloudTrail logs","KeyUsage":"ENCRYPT_DECRYPT","KeyState":"%s",
                 "Origin":"AWS_KMS","KeyManager":"CUSTOMER","KeySpec":"SYMMETRIC_DEFAULT",
                 "CustomerMasterKeySpec":"SYMMETRIC_DEFAULT","EncryptionAlgorithms":["SYMMETRIC_DEFAULT"],
                 "MultiRegion":false%s}}""".formatted(ACCOUNT, KEY_ID, KEY_ARN, "Enabled".equals(state), state, deletion);
    }

    private static void s3(AwsWire aws, int expirationDays) {
        aws.stub(get(urlPathEqualTo("/")).willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Owner><ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID></Owner>
                  <Buckets>
                    <Bucket><Name>%s</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>%s</BucketRegion></Bucket>
                  </Buckets>
                </ListAllMyBucketsResult>""".formatted(BUCKET, REGION))));
        aws.stub(bucketCall("publicAccessBlock").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>
                  <BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>
                </PublicAccessBlockConfiguration>""")));
        aws.stub(bucketCall("policyStatus").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <PolicyStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsPublic>false</IsPublic></PolicyStatus>""")));
        aws.stub(bucketCall("acl").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Owner><ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID></Owner>
                  <AccessControlList>
                    <Grant>
                      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">
                        <ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID>
                      </Grantee>
                      <Permission>FULL_CONTROL</Permission>
                    </Grant>
                  </AccessControlList>
                </AccessControlPolicy>""")));
        aws.stub(bucketCall("lifecycle").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Rule>
                    <ID>%s</ID>
                    <Filter><Prefix></Prefix></Filter>
                    <Status>Enabled</Status>
                    <Expiration><Days>%d</Days></Expiration>
                  </Rule>
                </LifecycleConfiguration>""".formatted(expirationDays == 1 ? "nuke" : "archive", expirationDays))));
        // the trail bucket locks new log files and logs access to them (cloudtrail-bucket-integrity)
        aws.stub(bucketCall("object-lock").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <ObjectLockEnabled>Enabled</ObjectLockEnabled>
                  <Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>400</Days></DefaultRetention></Rule>
                </ObjectLockConfiguration>""")));
        aws.stub(bucketCall("versioning").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status>
                </VersioningConfiguration>""")));
        aws.stub(bucketCall("logging").willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <BucketLoggingStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <LoggingEnabled><TargetBucket>s3-access-logs-123456789012</TargetBucket>
                  <TargetPrefix>%s/</TargetPrefix></LoggingEnabled>
                </BucketLoggingStatus>""".formatted(BUCKET))));
    }

    /** An S3 REST-XML sub-resource call on the trail bucket, path-style: {@code GET /<bucket>?<subresource>}. */
    static com.github.tomakehurst.wiremock.client.MappingBuilder bucketCall(String subresource) {
        return get(urlPathEqualTo("/" + BUCKET)).withQueryParam(subresource, matching(".*"));
    }
}
