package io.irready.events;

import static io.irready.events.ResourceKind.BUCKET;
import static io.irready.events.ResourceKind.DB_CLUSTER;
import static io.irready.events.ResourceKind.DB_INSTANCE;
import static io.irready.events.ResourceKind.DISTRIBUTION;
import static io.irready.events.ResourceKind.FUNCTION;
import static io.irready.events.ResourceKind.INSTANCE;
import static io.irready.events.ResourceKind.KMS_KEY;
import static io.irready.events.ResourceKind.LOG_GROUP;
import static io.irready.events.ResourceKind.ROLE;
import static io.irready.events.ResourceKind.TRAIL;
import static io.irready.events.ResourceKind.VPC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResourceKindTest {
    private static final String R = "eu-west-1";
    private static final String A = "123456789012";

    @Test
    void trailNamesAndArnsBecomeTheTrailArn() {
        assertThat(TRAIL.canonical("main", R, A)).isEqualTo("arn:aws:cloudtrail:eu-west-1:123456789012:trail/main");
        assertThat(TRAIL.canonical("arn:aws:cloudtrail:us-east-1:111122223333:trail/org", R, A))
                .isEqualTo("arn:aws:cloudtrail:us-east-1:111122223333:trail/org");
        assertThat(TRAIL.canonical("arn:aws:s3:::bucket", R, A)).isNull();
        assertThat(TRAIL.canonical("main", "cn-north-1", A)).startsWith("arn:aws-cn:cloudtrail:");
    }

    @Test
    void functionNamesPartialArnsAndQualifiedArnsBecomeTheUnqualifiedArn() {
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
        assertThat(FUNCTION.canonical("orders", R, A)).isEqualTo(arn);
        assertThat(FUNCTION.canonical("orders:live", R, A)).isEqualTo(arn);
        assertThat(FUNCTION.canonical("123456789012:function:orders", R, A)).isEqualTo(arn);
        assertThat(FUNCTION.canonical(arn + ":7", R, A)).isEqualTo(arn);
        assertThat(FUNCTION.canonical(arn, R, A)).isEqualTo(arn);
        assertThat(FUNCTION.canonical("arn:aws:lambda:eu-west-1:123456789012:layer:x:1", R, A)).isNull();
    }

    @Test
    void kmsKeyIdsAndArnsBecomeKeyArnsAliasesDoNot() {
        assertThat(KMS_KEY.canonical("1234abcd-12ab-34cd-56ef-1234567890ab", R, A))
                .isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(KMS_KEY.canonical("arn:aws:kms:us-east-1:111122223333:key/k", R, A))
                .isEqualTo("arn:aws:kms:us-east-1:111122223333:key/k");
        assertThat(KMS_KEY.canonical("alias/trail", R, A)).isNull();
        assertThat(KMS_KEY.canonical("arn:aws:kms:eu-west-1:123456789012:alias/trail", R, A)).isNull();
    }

    @Test
    void ec2IdsMustHaveTheirOwnPrefix() {
        assertThat(VPC.canonical("vpc-1", R, A)).isEqualTo("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1");
        assertThat(VPC.canonical("subnet-1", R, A)).isNull();
        assertThat(VPC.canonical("eni-1", R, A)).isNull();
        assertThat(INSTANCE.canonical("i-1", R, A)).isEqualTo("arn:aws:ec2:eu-west-1:123456789012:instance/i-1");
        assertThat(INSTANCE.canonical("mi-1", R, A)).isNull();
    }

    @Test
    void otherKinds() {
        assertThat(BUCKET.canonical("logs", R, A)).isEqualTo("arn:aws:s3:::logs");
        assertThat(DB_INSTANCE.canonical("Orders-DB", R, A)).isEqualTo("arn:aws:rds:eu-west-1:123456789012:db:orders-db");
        assertThat(DB_CLUSTER.canonical("Aurora", R, A)).isEqualTo("arn:aws:rds:eu-west-1:123456789012:cluster:aurora");
        assertThat(DISTRIBUTION.canonical("E2QWRUHAPOMQZL", "us-east-1", A))
                .isEqualTo("arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL");
        assertThat(DISTRIBUTION.canonical("arn:aws:logs:us-east-1:1:delivery-source:x", "us-east-1", A)).isNull();
        assertThat(LOG_GROUP.canonical("/aws/rds/instance/orders/audit", R, A))
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/instance/orders/audit");
        assertThat(LOG_GROUP.canonical("arn:aws:logs:eu-west-1:123456789012:log-group:x:*", R, A))
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:x");
        assertThat(ROLE.canonical("arn:aws:iam::123456789012:role/service-role/orders", R, A)).isEqualTo("orders");
    }

    @Test
    void implausibleValuesNeverNarrowAnEvaluation() {
        assertThat(TRAIL.canonical("", R, A)).isNull();
        assertThat(TRAIL.canonical("a b", R, A)).isNull();
        assertThat(TRAIL.canonical("evil\u0000", R, A)).isNull();
        assertThat(BUCKET.canonical("x".repeat(3000), R, A)).isNull();
        assertThat(BUCKET.canonical(null, R, A)).isNull();
    }

    @Test
    void extractorsReadOneObjectOrAListAtAnyStepAndOnlyStrings() throws Exception {
        var root = new ObjectMapper().readTree("""
                {"requestParameters":{"R":{"Id":[{"content":"vpc-1"},{"content":"vpc-2"}],"Other":{"content":"vpc-3"}},
                  "n":7,"list":["a",{"x":1},"b"]},
                 "responseElements":{"A":{"assoc":{"instanceId":"i-1"}},"B":{"assoc":{"instanceId":"i-2"}}}}""");

        assertThat(new Extractor(VPC, "/requestParameters/R/Id/content").values(root)).containsExactly("vpc-1", "vpc-2");
        assertThat(new Extractor(VPC, "/requestParameters/R/Other/content").values(root)).containsExactly("vpc-3");
        assertThat(new Extractor(INSTANCE, "/responseElements/*/assoc/instanceId").values(root))
                .containsExactly("i-1", "i-2");
        assertThat(new Extractor(TRAIL, "/requestParameters/n").values(root)).isEmpty();
        assertThat(new Extractor(TRAIL, "/requestParameters/list").values(root)).containsExactly("a", "b");
        assertThat(new Extractor(TRAIL, "/requestParameters/missing/x").values(root)).isEmpty();
    }
}
