package io.irready.organization;

import io.irready.core.AccountScope;
import io.irready.engine.SweepMode;
import io.irready.inventory.organizations.OrganizationAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Works out which accounts and regions a scheduled sweep covers: the ACTIVE accounts of the organization
 * (or of the configured OUs), narrowed to the configured account scope, with the home account always in
 * (irready audits the account it runs in whatever else it is told). Sorted by account id, so that two
 * plans of the same organization fan out alike.
 *
 * <p>A failure to read Organizations is not caught: a plan without the organization would silently
 * sweep only the home account, so the caller (the plan function, retried by Step Functions) fails.
 */
public final class SweepPlanner {
    private final Supplier<List<OrganizationAccount>> activeMembers;
    private final AccountScope scope;
    private final Supplier<String> homeAccount;
    private final List<String> regions;

    /**
     * @param activeMembers the organization's ACTIVE accounts in the configured OUs ({@code OrganizationMembers})
     * @param scope         the configured account scope
     * @param homeAccount   the account irready runs in
     * @param regions       the watched regions
     */
    public SweepPlanner(Supplier<List<OrganizationAccount>> activeMembers, AccountScope scope,
                        Supplier<String> homeAccount, List<String> regions) {
        this.activeMembers = Objects.requireNonNull(activeMembers, "activeMembers");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.homeAccount = Objects.requireNonNull(homeAccount, "homeAccount");
        this.regions = List.copyOf(regions);
        if (this.regions.isEmpty()) {
            throw new IllegalArgumentException("a sweep plan needs at least one region");
        }
    }

    public SweepPlan plan(SweepMode mode) {
        String home = homeAccount.get();
        List<SweepPlan.Member> accounts = new ArrayList<>();
        boolean homeListed = false;
        for (OrganizationAccount account : activeMembers.get()) {
            if (!account.active() || !scope.includes(account.id(), () -> home)) {
                continue;
            }
            homeListed |= account.id().equals(home);
            accounts.add(new SweepPlan.Member(account.id(), account.name()));
        }
        if (!homeListed) {
            accounts.add(new SweepPlan.Member(home, ""));
        }
        accounts.sort(Comparator.comparing(SweepPlan.Member::account));
        return new SweepPlan(mode.name().toLowerCase(Locale.ROOT), regions, accounts);
    }
}
