package io.irready.inventory.wafv2;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/**
 * WAFv2 state of one region: its regional web ACLs and, in us-east-1, the CloudFront ones, each with
 * its logging configuration, loaded on first use.
 */
public final class WafInventory {
    private final Supplier<List<WebAcl>> webAcls;

    public WafInventory(Supplier<List<WebAcl>> webAcls) {
        this.webAcls = Memo.of(webAcls);
    }

    public static WafInventory of(List<WebAcl> webAcls) {
        return new WafInventory(() -> List.copyOf(webAcls));
    }

    /** Every web ACL with its log destinations ({@code wafv2:ListWebACLs}, {@code wafv2:GetLoggingConfiguration}). */
    public List<WebAcl> webAcls() {
        return webAcls.get();
    }
}
