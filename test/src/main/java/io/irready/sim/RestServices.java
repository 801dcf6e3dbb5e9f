package io.irready.sim;

import static io.irready.sim.Reply.esc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.sim.SimulatedAccount.Bucket;
import io.irready.sim.SimulatedAccount.Distribution;
import io.irready.sim.SimulatedAccount.Function;
import java.util.List;
import java.util.Map;


/** The REST services: S3 and CloudFront (REST-XML), Lambda and GuardDuty (REST-JSON). */
final class RestServices {
    private final SimulatedAccount a;
    private final ApiGatewayService apiGateway;
    private final EksService eks;
    private final BedrockService bedrock;

    RestServices(SimulatedAccount account) {
        this.a = account;
        this.apiGateway = new ApiGatewayService(account);
        this.eks = new EksService(account);
        this.bedrock = new BedrockService(account);
    }

    Reply serve(AwsRequest r) {
        return switch (r.service()) {
            case "s3" -> s3(r);
            case "cloudfront" -> cloudfront(r);
            case "lambda" -> lambda(r);
            case "guardduty" -> guardduty(r);
            case "apigateway" -> apiGateway.serve(r);
            case "eks" -> eks.serve(r);
            case "bedrock" -> bedrock.serve(r);
            default -> null;
        };
    }

    // ---- S3 (path-style: /bucket?subresource)

    private Reply s3(AwsRequest r) {
        if (r.path().startsWith("/v20180820/")) {
            return s3Control(r); // S3 Control signs as s3 too; its REST paths carry the API version
        }
        String name = r.path().replaceFirst("^/", "").split("/")[0];
        if (name.isEmpty() && "GET".equals(r.method())) {
            return listBuckets();
        }
        Bucket b = a.buckets.get(name);
        if (b == null) {
            return Reply.restXmlError(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (!b.ownerAccount().equals(a.account)) {
            return Reply.restXmlError(403, "AccessDenied", "Access Denied");
        }
        var q = r.query();
        if ("HEAD".equals(r.method())) {
            return new Reply(200, "application/xml", "");
        }
        if (q.containsKey("location")) {
            return Reply.xml("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + a.region
                    + "</LocationConstraint>");
        }
        if (q.containsKey("lifecycle")) {
            if (b.expirationDays() == null) {
                return Reply.restXmlError(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
            }
            return Reply.xml("<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ID>expire</ID>"
                    + "<Filter><Prefix>AWSLogs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>"
                    + b.expirationDays() + "</Days></Expiration></Rule></LifecycleConfiguration>");
        }
        if (q.containsKey("publicAccessBlock")) {
            String on = String.valueOf(b.publicAccessBlocked());
            return Reply.xml("<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<BlockPublicAcls>" + on + "</BlockPublicAcls><IgnorePublicAcls>" + on + "</IgnorePublicAcls>"
                    + "<BlockPublicPolicy>" + on + "</BlockPublicPolicy><RestrictPublicBuckets>" + on
                    + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
        }
        if (q.containsKey("policyStatus")) {
            return Reply.xml("<PolicyStatus xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><IsPublic>"
                    + a.bucketPublicPolicies.contains(name) + "</IsPublic></PolicyStatus>");
        }
        if (q.containsKey("acl")) {
            return Reply.xml("<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>owner-"
                    + b.ownerAccount() + "</ID></Owner><AccessControlList><Grant><Grantee "
                    + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>owner-"
                    + b.ownerAccount() + "</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList>"
                    + "</AccessControlPolicy>");
        }
        if (q.containsKey("policy")) {
            return Reply.restXmlError(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
        }
        if (q.containsKey("ownershipControls")) {
            return Reply.xml("<OwnershipControls xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ObjectOwnership>"
                    + "BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>");
        }
        if (q.containsKey("object-lock")) {
            Integer days = a.bucketObjectLockDays.get(name);
            if (days == null) {
                return Reply.restXmlError(404, "ObjectLockConfigurationNotFoundError",
                        "Object Lock configuration does not exist for this bucket");
            }
            return Reply.xml("<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><ObjectLockEnabled>"
                    + "Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>" + days
                    + "</Days></DefaultRetention></Rule></ObjectLockConfiguration>");
        }
        if (q.containsKey("versioning")) {
            return Reply.xml("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + (a.bucketMfaDelete.contains(name) ? "<Status>Enabled</Status><MfaDelete>Enabled</MfaDelete>" : "")
                    + "</VersioningConfiguration>");
        }
        if (q.containsKey("logging")) {
            String target = a.bucketAccessLogs.get(name);
            return Reply.xml("<BucketLoggingStatus xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + (target == null ? ""
                    : "<LoggingEnabled><TargetBucket>" + esc(target) + "</TargetBucket><TargetPrefix>" + esc(name)
                            + "/</TargetPrefix></LoggingEnabled>") + "</BucketLoggingStatus>");
        }
        if (q.containsKey("tagging")) {
            Map<String, String> tags = a.bucketTags.getOrDefault(name, Map.of());
            if (tags.isEmpty()) {
                return Reply.restXmlError(404, "NoSuchTagSet", "The TagSet does not exist");
            }
            StringBuilder xml = new StringBuilder("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>");
            tags.forEach((k, v) -> xml.append("<Tag><Key>").append(esc(k)).append("</Key><Value>").append(esc(v))
                    .append("</Value></Tag>"));
            return Reply.xml(xml.append("</TagSet></Tagging>").toString());
        }
        return null;
    }

    /** S3 Control: the account-level public access block (x-amz-account-id names the account). */
    private Reply s3Control(AwsRequest r) {
        if (!r.path().equals("/v20180820/configuration/publicAccessBlock") || !"GET".equals(r.method())) {
            return null;
        }
        if (!a.account.equals(r.headers().get("x-amz-account-id"))) {
            return s3ControlError(403, "AccessDenied", "Access Denied");
        }
        if (a.accountPublicAccessBlocked == null) {
            return s3ControlError(404, "NoSuchPublicAccessBlockConfiguration",
                    "The public access block configuration was not found");
        }
        String on = String.valueOf(a.accountPublicAccessBlocked);
        // the configuration is the answer's payload: it is the root element
        return Reply.xml("<PublicAccessBlockConfiguration><BlockPublicAcls>" + on + "</BlockPublicAcls><IgnorePublicAcls>"
                + on + "</IgnorePublicAcls><BlockPublicPolicy>" + on + "</BlockPublicPolicy><RestrictPublicBuckets>" + on
                + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
    }

    /** S3 Control wraps its errors in {@code <ErrorResponse>}, unlike S3. */
    private static Reply s3ControlError(int status, String code, String message) {
        return new Reply(status, "application/xml", "<ErrorResponse><Error><Code>" + code + "</Code><Message>"
                + esc(message) + "</Message></Error><RequestId>sim</RequestId></ErrorResponse>");
    }

    private Reply listBuckets() {
        StringBuilder xml = new StringBuilder("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>owner-" + a.account + "</ID></Owner><Buckets>");
        a.buckets.values().stream().filter(b -> b.ownerAccount().equals(a.account)).forEach(b -> xml
                .append("<Bucket><Name>").append(esc(b.name())).append("</Name><CreationDate>2026-01-01T00:00:00.000Z")
                .append("</CreationDate><BucketRegion>").append(a.region).append("</BucketRegion></Bucket>"));
        return Reply.xml(xml.append("</Buckets></ListAllMyBucketsResult>").toString());
    }

    // ---- CloudFront (global; REST-XML under /2020-05-31)

    private Reply cloudfront(AwsRequest r) {
        String p = r.path();
        if (p.equals("/2020-05-31/distribution")) {
            Pages<Distribution> page = Pages.of(a.distributions, r.query().get("Marker"), 100);
            StringBuilder xml = new StringBuilder("<DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                    + "<Marker>" + (r.query().getOrDefault("Marker", "")) + "</Marker><MaxItems>100</MaxItems>"
                    + "<IsTruncated>" + (page.nextToken() != null) + "</IsTruncated><Quantity>" + page.items().size()
                    + "</Quantity>");
            if (page.nextToken() != null) {
                xml.append("<NextMarker>").append(page.nextToken()).append("</NextMarker>");
            }
            xml.append("<Items>");
            for (Distribution d : page.items()) {
                xml.append("<DistributionSummary><Id>").append(d.id()).append("</Id><ARN>arn:aws:cloudfront::")
                        .append(a.account).append(":distribution/").append(d.id()).append("</ARN><Status>Deployed</Status>")
                        .append("<DomainName>").append(d.id().toLowerCase()).append(".cloudfront.net</DomainName>")
                        .append("<Enabled>true</Enabled><Origins><Quantity>0</Quantity><Items/></Origins>")
                        .append("<DefaultCacheBehavior><TargetOriginId>origin</TargetOriginId>")
                        .append("<ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>");
                if (d.realtimeLogConfigArn() != null) {
                    xml.append("<RealtimeLogConfigArn>").append(d.realtimeLogConfigArn()).append("</RealtimeLogConfigArn>");
                }
                xml.append("</DefaultCacheBehavior><Comment></Comment><PriceClass>PriceClass_All</PriceClass>")
                        .append("<HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled></DistributionSummary>");
            }
            return Reply.xml(xml.append("</Items></DistributionList>").toString());
        }
        if (p.startsWith("/2020-05-31/distribution/") && p.endsWith("/config")) {
            String id = p.split("/")[3];
            Distribution d = a.distributions.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (d == null) {
                return Reply.restXmlError(404, "NoSuchDistribution", "The specified distribution does not exist.");
            }
            return Reply.xml("<DistributionConfig xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                    + "<CallerReference>demo</CallerReference><Comment></Comment><Enabled>true</Enabled>"
                    + "<Logging><Enabled>" + d.s3Logging() + "</Enabled><IncludeCookies>false</IncludeCookies>"
                    + "<Bucket>" + (d.s3Logging() ? "cf-logs.s3.amazonaws.com" : "") + "</Bucket><Prefix>cf/</Prefix></Logging>"
                    + "</DistributionConfig>");
        }
        return null;
    }

    // ---- Lambda (REST-JSON)

    private Reply lambda(AwsRequest r) {
        if (!r.path().startsWith("/2015-03-31/functions")) {
            return null;
        }
        List<Function> fns = a.functions;
        Pages<Function> page = Pages.of(fns, r.query().get("Marker"), 50);
        ArrayNode list = Reply.JSON.createArrayNode();
        for (Function f : page.items()) {
            ObjectNode n = list.addObject().put("FunctionName", f.name())
                    .put("FunctionArn", a.arn("lambda", "function:" + f.name())).put("Role", f.roleArn())
                    .put("Runtime", "java21");
            if (f.logGroup() != null) {
                n.putObject("LoggingConfig").put("LogFormat", "JSON").put("LogGroup", f.logGroup());
            }
        }
        ObjectNode out = Reply.object().set("Functions", list);
        if (page.nextToken() != null) {
            out.put("NextMarker", page.nextToken());
        }
        return new Reply(200, "application/json", out.toString());
    }

    // ---- GuardDuty (REST-JSON)

    private Reply guardduty(AwsRequest r) {
        if (r.path().equals("/detector")) {
            return new Reply(200, "application/json", "{\"detectorIds\":[\"d-demo\"]}");
        }
        if (r.path().equals("/detector/d-demo")) {
            return new Reply(200, "application/json", Reply.object()
                    .put("status", a.guardDutyEnabled ? "ENABLED" : "DISABLED")
                    .put("serviceRole", "arn:aws:iam::" + a.account + ":role/aws-service-role/guardduty")
                    .put("createdAt", "2026-01-01T00:00:00Z").put("findingPublishingFrequency", "SIX_HOURS").toString());
        }
        return null;
    }
}
