package io.irready.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AWS Organization on the simulator: a management account and members, each a {@link SimulatedAccount}
 * of its own, arranged in OUs under one root. Members that have irready's audit role can be entered with
 * {@code sts:AssumeRole} (the simulator then serves that member's state to the session's credentials);
 * a member without it answers AccessDenied, as IAM does when no role trusts the caller.
 */
public final class SimulatedOrganization {
    public static final String ROOT = "r-s1m0";
    public static final String ORGANIZATION_ID = "o-s1mulat3d0";
    public static final String AUDIT_ROLE = "IrreadyAuditRole";

    /** An organizational unit under {@code parent} (the root or another OU). */
    public record Ou(String id, String name, String parent) {
    }

    /** How Organizations lists an account: its name, state ({@code ACTIVE}, {@code SUSPENDED} …) and parent. */
    public record Membership(String name, String state, String parent) {
    }

    public final SimulatedAccount management;
    /** Every account by id, the management account first. */
    public final Map<String, SimulatedAccount> accounts = new LinkedHashMap<>();
    public final Map<String, Membership> memberships = new LinkedHashMap<>();
    public final List<Ou> ous = new ArrayList<>();
    /** Accounts where irready's audit role has not been deployed (or no longer trusts irready). */
    public final Set<String> withoutAuditRole = new LinkedHashSet<>();

    public SimulatedOrganization(SimulatedAccount management, String name) {
        this.management = management;
        accounts.put(management.account, management);
        memberships.put(management.account, new Membership(name, "ACTIVE", ROOT));
    }

    /** Adds an OU; {@code id} as Organizations writes them ({@code ou-<root suffix>-<8 or more chars>}). */
    public Ou addOu(String id, String name, String parent) {
        Ou ou = new Ou(id, name, parent);
        ous.add(ou);
        return ou;
    }

    public SimulatedOrganization add(SimulatedAccount account, String name, String parent) {
        accounts.put(account.account, account);
        memberships.put(account.account, new Membership(name, "ACTIVE", parent));
        return this;
    }

    public void suspend(String account) {
        Membership m = memberships.get(account);
        memberships.put(account, new Membership(m.name(), "SUSPENDED", m.parent()));
    }

    public String name(String account) {
        Membership m = memberships.get(account);
        return m == null ? "" : m.name();
    }

    public SimulatedAccount account(String id) {
        return accounts.get(id);
    }
}
