package io.irready.inventory.kms;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KmsCollectorTest {
    private static final String TARGET = "TrentService.DescribeKey";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private KmsInventory inventory() {
        return KmsCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    private static String metadata(String arn, String state, String extra) {
        return """
                {"KeyMetadata":{"AWSAccountId":"123456789012","KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Arn":"%s",
                 "CreationDate":1700000000,"Enabled":%s,"KeyUsage":"ENCRYPT_DECRYPT","KeyState":"%s",
                 "Origin":"AWS_KMS","KeyManager":"CUSTOMER","KeySpec":"SYMMETRIC_DEFAULT"%s}}"""
                .formatted(arn, "Enabled".equals(state), state, extra);
    }

    @Test
    void anAliasIsNormalisedToTheKeyArnAndCached() {
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{\"KeyId\":\"alias/cloudtrail\"}"))
                .willReturn(json(metadata(KEY_ARN, "PendingDeletion",
                        ",\"DeletionDate\":1772928000,\"PendingDeletionWindowInDays\":7"))));

        KmsInventory kms = inventory();
        Optional<KmsKey> key = kms.key("alias/cloudtrail");

        assertThat(key).contains(new KmsKey(KEY_ARN, "1234abcd-12ab-34cd-56ef-1234567890ab", "PendingDeletion",
                Optional.of(Instant.ofEpochSecond(1772928000)), "CUSTOMER"));
        assertThat(key.get().isPendingDeletion()).isTrue();
        assertThat(kms.key("alias/cloudtrail")).isEqualTo(key);
        aws.server().verify(1, jsonCallMade(TARGET));
    }

    @Test
    void aKeyArnIsDescribedInItsOwnRegion() {
        String usKey = "arn:aws:kms:us-east-1:123456789012:key/mrk-1";
        aws.stub(jsonCall(TARGET).willReturn(json(metadata(usKey, "Enabled", ""))));

        assertThat(inventory().key(usKey)).map(KmsKey::isEnabled).contains(true);
        aws.server().verify(jsonCallMade(TARGET).withHeader("Authorization", containing("/us-east-1/kms/aws4_request")));
    }

    @Test
    void aDeletedKeyIsAbsent() {
        aws.stub(jsonCall(TARGET).willReturn(jsonError(400, "NotFoundException",
                "Key 'arn:aws:kms:eu-west-1:123456789012:key/gone' does not exist")));

        assertThat(inventory().key("arn:aws:kms:eu-west-1:123456789012:key/gone")).isEmpty();
    }

    @Test
    void throttlingIsRetried() {
        aws.stub(jsonCall(TARGET).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(jsonCall(TARGET).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json(metadata(KEY_ARN, "Enabled", ""))));

        assertThat(inventory().key(KEY_ARN)).map(KmsKey::arn).contains(KEY_ARN);
        aws.server().verify(2, jsonCallMade(TARGET));
    }

    @Test
    void accessDeniedOnTheWireIsAnErrorOnTheTrailNamingDescribeKey() {
        CloudTrailAccounts.healthy(aws);
        aws.stub(jsonCall(TARGET).willReturn(jsonError(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: kms:DescribeKey")));

        List<Finding> findings = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION),
                        List.of("cloudtrail-kms-encryption"), Scope.REGION).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(CloudTrailAccounts.TRAIL_ARN);
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to kms:DescribeKey "
                    + "(AccessDeniedException): grant kms:DescribeKey to irready's role: User: "
                    + "arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: kms:DescribeKey");
        });
    }

    @Test
    void aWellFormedButEmptyAnswerIsAnErrorNamingDescribeKeyNotAnInternalError() {
        CloudTrailAccounts.healthy(aws);
        aws.stub(jsonCall(TARGET).willReturn(json("{}")));

        List<Finding> findings = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION),
                        List.of("cloudtrail-kms-encryption"), Scope.REGION).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).startsWith("Could not evaluate: kms:DescribeKey failed (IncompleteAnswer): the "
                    + "answer has no KeyMetadata, which AWS always sends").doesNotContain("internal error");
        });
    }
}
