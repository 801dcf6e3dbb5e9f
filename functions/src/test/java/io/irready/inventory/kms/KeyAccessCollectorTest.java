package io.irready.inventory.kms;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** KMS speaks JSON 1.1 with {@code X-Amz-Target: TrentService.<Action>}. */
class KeyAccessCollectorTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private KeyAccessInventory inventory() {
        return KeyAccessCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    /** DescribeKey is ct's {@link KmsCollector}; exercised here through the alias and not-found paths evidence-decryptable relies on. */
    @Test
    void describesAKeyByAliasAndCachesIt() {
        aws.stub(jsonCall("TrentService.DescribeKey").withRequestBody(matchingJsonPath("$.KeyId",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("alias/aws/ebs"))).willReturn(json("""
                {"KeyMetadata":{"AWSAccountId":"123456789012","KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab",
                  "Arn":"%s","KeyState":"PendingDeletion","Enabled":false,"DeletionDate":1.7648064E9,
                  "KeyManager":"AWS","KeyUsage":"ENCRYPT_DECRYPT"}}""".formatted(KEY))));

        KmsInventory kms = KmsCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(kms.key("alias/aws/ebs")).contains(new KmsKey(KEY, "1234abcd-12ab-34cd-56ef-1234567890ab",
                "PendingDeletion", Optional.of(Instant.ofEpochSecond(1764806400L)), "AWS"));
        kms.key("alias/aws/ebs");
        aws.server().verify(1, jsonCallMade("TrentService.DescribeKey"));
    }

    @Test
    void missingKeyIsEmpty() {
        aws.stub(jsonCall("TrentService.DescribeKey").willReturn(jsonError(400, "NotFoundException",
                "Key '" + KEY + "' does not exist")));

        assertThat(KmsCollector.inventory(aws.clients(), AwsWire.REGION).key(KEY)).isEmpty();
    }

    @Test
    void readsTheDefaultKeyPolicy() {
        aws.stub(jsonCall("TrentService.GetKeyPolicy").withRequestBody(containing("\"PolicyName\":\"default\""))
                .willReturn(json("{\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\","
                        + "\"PolicyName\":\"default\"}")));

        assertThat(inventory().keyPolicy(KEY)).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    }

    @Test
    void pagesThroughGrants() {
        aws.stub(jsonCall("TrentService.ListGrants").withRequestBody(notContaining("Marker")).willReturn(json("""
                {"Grants":[{"GrantId":"g1","KeyId":"%s","GranteePrincipal":"arn:aws:iam::123456789012:role/ir",
                  "Operations":["Decrypt","CreateGrant"],"Constraints":{"EncryptionContextSubset":{"case":"42"}}}],
                 "NextMarker":"m2","Truncated":true}""".formatted(KEY))));
        aws.stub(jsonCall("TrentService.ListGrants").withRequestBody(containing("\"Marker\":\"m2\"")).willReturn(json("""
                {"Grants":[{"GrantId":"g2","GranteePrincipal":"ec2.amazonaws.com","Operations":["ReEncryptFrom"]}],
                 "Truncated":false}""")));

        assertThat(inventory().grants(KEY)).containsExactly(
                new KeyGrant("g1", "arn:aws:iam::123456789012:role/ir", List.of("Decrypt", "CreateGrant"), true),
                new KeyGrant("g2", "ec2.amazonaws.com", List.of("ReEncryptFrom"), false));
        aws.server().verify(2, jsonCallMade("TrentService.ListGrants"));
    }

    @Test
    void accessDeniedNamesEachAction() {
        aws.stub(jsonCall("TrentService.DescribeKey").willReturn(jsonError(400, "AccessDeniedException", "no")));
        aws.stub(jsonCall("TrentService.GetKeyPolicy").willReturn(jsonError(400, "AccessDeniedException", "no")));
        aws.stub(jsonCall("TrentService.ListGrants").willReturn(jsonError(400, "AccessDeniedException", "no")));
        KeyAccessInventory kms = inventory();

        assertThatThrownBy(() -> KmsCollector.inventory(aws.clients(), AwsWire.REGION).key(KEY)).isInstanceOfSatisfying(AwsCallFailedException.class,
                e -> assertThat(e.action()).isEqualTo("kms:DescribeKey"));
        assertThatThrownBy(() -> kms.keyPolicy(KEY)).isInstanceOfSatisfying(AwsCallFailedException.class,
                e -> assertThat(e.action()).isEqualTo("kms:GetKeyPolicy"));
        assertThatThrownBy(() -> kms.grants(KEY)).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.action()).isEqualTo("kms:ListGrants");
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
        });
    }
}
