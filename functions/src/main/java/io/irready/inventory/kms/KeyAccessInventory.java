package io.irready.inventory.kms;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who may use a KMS key besides what IAM says: its key policy and its grants, loaded per key on first use and
 * cached for the evaluation (failures too). The key's state comes from {@link KmsInventory}.
 */
public final class KeyAccessInventory {
    private final Function<String, String> policies;
    private final Function<String, List<KeyGrant>> grants;

    /**
     * @param policies key ARN → its {@code default} key policy JSON ({@code kms:GetKeyPolicy})
     * @param grants   key ARN → its grants ({@code kms:ListGrants}, all pages)
     */
    public KeyAccessInventory(Function<String, String> policies, Function<String, List<KeyGrant>> grants) {
        this.policies = Memo.byKey(policies);
        this.grants = Memo.byKey(grants);
    }

    /** A hand-built inventory; a key without a policy in the map has an empty one. */
    public static KeyAccessInventory of(Map<String, String> policies, Map<String, List<KeyGrant>> grants) {
        return new KeyAccessInventory(
                arn -> policies.getOrDefault(arn, "{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                arn -> grants.getOrDefault(arn, List.of()));
    }

    public String keyPolicy(String keyArn) {
        return policies.apply(keyArn);
    }

    public List<KeyGrant> grants(String keyArn) {
        return grants.apply(keyArn);
    }
}
