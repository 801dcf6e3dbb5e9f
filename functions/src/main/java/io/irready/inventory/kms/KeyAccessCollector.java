package io.irready.inventory.kms;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;

/** Loads {@link KeyAccessInventory} over the SDK (JSON 1.1, {@code TrentService.GetKeyPolicy} / {@code ListGrants}). */
public final class KeyAccessCollector {
    public static final String GET_KEY_POLICY = "kms:GetKeyPolicy";
    public static final String LIST_GRANTS = "kms:ListGrants";

    private KeyAccessCollector() {
    }

    public static KeyAccessInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(KmsClient::builder, region));
    }

    public static KeyAccessInventory inventory(KmsClient client) {
        return new KeyAccessInventory(
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
