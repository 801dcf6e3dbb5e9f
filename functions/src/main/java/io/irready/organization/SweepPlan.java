package io.irready.organization;

import java.util.List;

/**
 * What one scheduled sweep of an organization covers: the Step Functions Distributed Map runs one sweep
 * item per (account, region) of it. Serialised as {@code {"mode":"critical","regions":[…],"accounts":
 * [{"account":"111122223333","name":"prod"},…]}}.
 *
 * @param mode     {@code critical} or {@code full}, as the schedule asked
 * @param regions  the regions the deployment watches
 * @param accounts the accounts to sweep, by account id
 */
public record SweepPlan(String mode, List<String> regions, List<Member> accounts) {
    public SweepPlan {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
    }

    /** One account of the plan; {@code name} is empty when Organizations did not give one (the home account). */
    public record Member(String account, String name) {
    }

    /** How many sweep items the plan fans out into. */
    public int items() {
        return accounts.size() * regions.size();
    }
}
