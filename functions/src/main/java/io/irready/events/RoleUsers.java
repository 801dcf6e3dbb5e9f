package io.irready.events;

import io.irready.core.Inventory;
import java.util.Set;

/**
 * A check whose findings are about resources that run as an IAM role (Lambda functions and their execution
 * roles): which of them use a role an event changed. An IAM event names the role, never what uses it; this
 * lets the event path re-evaluate those resources only instead of every one in the region.
 */
public interface RoleUsers {
    /**
     * The canonical ids of the resources in {@code inventory}'s account and region that run as one of
     * {@code roleNames} (role names, unique per account); empty when none does. Reads through the inventory,
     * so the evaluation that follows reuses what it read.
     */
    Set<String> resourcesUsing(Set<String> roleNames, Inventory inventory);
}
