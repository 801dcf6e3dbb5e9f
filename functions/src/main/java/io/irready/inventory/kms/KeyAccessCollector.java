package io.irready.inventory.kms;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;

/** Loads {@link KeyAccessInventory} over the SDK (JSON 1.1, {@code TrentService.*}). */
public final class KeyAccessCollector {
    public static final String DESCRIBE_KEY = "kms:DescribeKey";
    public static final String GET_KEY_POLICY = "kms:GetKeyPolicy";
    public static final String LIST_GRANTS = "kms:ListGrants";

    private KeyAccessCollector() {
    }

    public static KeyAccessInventory inventory(AwsClients clients, String region) {
        return inventory(clients.build(KmsClient.builder(), region));
    }

    public static KeyAccessInventory inventory(KmsClient client) {
        return new KeyAccessInventory(
                ref -> {
                    try {
                        KeyMetadata m = AwsCall.call(DESCRIBE_KEY, () -> client.describeKey(b -> b.keyId(ref)))
                                .keyMetadata();
                        return Optional.of(new KmsKey(m.arn(), m.keyId(), m.keyStateAsString(),
                                Optional.ofNullable(m.deletionDate()), m.keyManagerAsString()));
                    } catch (AwsCallFailedException e) {
                        if (e.kind() == AwsCallFailedException.Kind.NOT_FOUND) {
                            return Optional.empty();
                        }
                        throw e;
                    }
                },
                arn -> AwsCall.call(GET_KEY_POLICY, () -> client.getKeyPolicy(GetKeyPolicyRequest.builder()
                        .keyId(arn).policyName("default").build()).policy()),
                arn -> AwsCall.call(LIST_GRANTS, () -> client.listGrantsPaginator(ListGrantsRequest.builder()
                        .keyId(arn).build()).grants().stream()
                        .map(g -> new KeyGrant(g.grantId(), g.granteePrincipal(), g.operationsAsStrings(),
                                g.constraints() != null && (g.constraints().hasEncryptionContextEquals()
                                        || g.constraints().hasEncryptionContextSubset())))
                        .toList()));
    }
}
