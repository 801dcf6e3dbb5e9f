package io.irready.inventory.organizations;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The organization as the account irready runs in sees it: the accounts in irready's scope, and
 * whether irready can reach each of them. Both are read on first use and kept for the evaluation.
 */
public final class OrganizationInventory {
    private final Supplier<Optional<List<OrganizationAccount>>> accounts;
    private final Function<String, Optional<String>> cannotAudit;

    /**
     * @param accounts    the accounts in scope, or empty when there is no organization to cover from here
     * @param cannotAudit per account, why its audit role cannot be assumed (empty: it can)
     */
    public OrganizationInventory(Supplier<Optional<List<OrganizationAccount>>> accounts,
                                 Function<String, Optional<String>> cannotAudit) {
        this.accounts = Memo.of(accounts);
        this.cannotAudit = Memo.byKey(cannotAudit);
    }

    /** A known organization: these accounts, of which those in {@code unreachable} cannot be audited (why). */
    public static OrganizationInventory of(List<OrganizationAccount> accounts, Map<String, String> unreachable) {
        return new OrganizationInventory(() -> Optional.of(List.copyOf(accounts)),
                account -> Optional.ofNullable(unreachable.get(account)));
    }

    /** No organization to cover: a standalone account, or a member that cannot list it. */
    public static OrganizationInventory none() {
        return new OrganizationInventory(Optional::empty, account -> Optional.empty());
    }

    /**
     * The accounts in scope (every account, or those under the configured OU); empty outside an organization.
     *
     * @throws AwsCallFailedException when Organizations cannot be read (missing permission)
     */
    public List<OrganizationAccount> accounts() {
        return accounts.get().orElse(List.of());
    }

    /** Whether this account sees an organization to cover (false: standalone, or a member that cannot list it). */
    public boolean inOrganization() {
        return accounts.get().isPresent();
    }

    /** Why irready cannot audit {@code account} (its role cannot be assumed), or empty when it can. */
    public Optional<String> cannotAudit(String account) {
        return cannotAudit.apply(account);
    }
}
