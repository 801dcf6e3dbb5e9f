package io.irready.infra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How irready watches a whole AWS Organization from one security (central) account ({@code -c organization=true}):
 * the organization it belongs to, where the member StackSets deploy (OUs, or the root for every account), as
 * whom CloudFormation acts, and how widely the sweeps fan out. Validated here, at synth, with errors that say
 * which {@code -c} key to set.
 *
 * @param organizationId            {@code o-…}: the bus policy and the member role trust admit only its principals
 * @param deploymentTargets         OU ids ({@code ou-…}) or the root id ({@code r-…}) the StackSets deploy to
 *                                  (new accounts in them included); empty only with {@code memberStacksOnly}
 * @param callAs                    {@code DELEGATED_ADMIN} (a delegated administrator account, the default) or
 *                                  {@code SELF} (deployed from the management account)
 * @param sweepConcurrency          accounts swept at the same time (the Distributed Map's MaxConcurrency)
 * @param toleratedFailurePercent   share of accounts whose sweep may fail before the whole run counts as failed
 * @param memberStacksOnly          synthesize only the member stacks, for the management account (StackSets never
 *                                  deploy there) — no central stack
 */
public record OrganizationSettings(String organizationId, List<String> deploymentTargets, String callAs,
                                   int sweepConcurrency, int toleratedFailurePercent, boolean memberStacksOnly) {
    public static final String CALL_AS_DELEGATED_ADMIN = "DELEGATED_ADMIN";
    public static final String CALL_AS_SELF = "SELF";
    public static final int DEFAULT_SWEEP_CONCURRENCY = 10;
    public static final int DEFAULT_TOLERATED_FAILURE_PERCENT = 10;
    /** The Distributed Map runs at most this many child executions at once. */
    static final int MAX_SWEEP_CONCURRENCY = 10_000;

    private static final Pattern ORGANIZATION_ID = Pattern.compile("^o-[a-z0-9]{10,32}$");
    private static final Pattern OU_ID = Pattern.compile("^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$");
    private static final Pattern ROOT_ID = Pattern.compile("^r-[a-z0-9]{4,32}$");

    public OrganizationSettings {
        Objects.requireNonNull(organizationId, "organizationId");
        require(ORGANIZATION_ID.matcher(organizationId).matches(), "organization mode needs the organization id: "
                + "-c organizationId=o-… (aws organizations describe-organization), got '" + organizationId + "'");
        deploymentTargets = List.copyOf(deploymentTargets);
        require(memberStacksOnly || !deploymentTargets.isEmpty(), "organization mode needs where the member "
                + "StackSets deploy: -c organizationUnits=ou-…,ou-… or, for every account, -c organizationRootId=r-… "
                + "(aws organizations list-roots)");
        for (String target : deploymentTargets) {
            require(OU_ID.matcher(target).matches() || ROOT_ID.matcher(target).matches(), "organizationUnits: '"
                    + target + "' is neither an OU id (ou-…) nor the root id (r-…)");
        }
        require(CALL_AS_DELEGATED_ADMIN.equals(callAs) || CALL_AS_SELF.equals(callAs), "stackSetCallAs must be "
                + CALL_AS_DELEGATED_ADMIN + " (from a delegated administrator account) or " + CALL_AS_SELF
                + " (from the management account), got '" + callAs + "'");
        require(sweepConcurrency >= 1 && sweepConcurrency <= MAX_SWEEP_CONCURRENCY, "orgSweepConcurrency must be "
                + "1.." + MAX_SWEEP_CONCURRENCY + ", got " + sweepConcurrency);
        require(toleratedFailurePercent >= 0 && toleratedFailurePercent <= 100, "orgSweepToleratedFailurePercent "
                + "must be 0..100, got " + toleratedFailurePercent);
    }

    /**
     * The settings from the app's context, or empty without {@code -c organization=true}.
     *
     * @param string  a context value, empty when unset or blank
     * @param list    a comma-separated (or JSON array) context value
     * @param integer a whole-number context value
     */
    static Optional<OrganizationSettings> fromContext(Function<String, Optional<String>> string,
                                                      Function<String, List<String>> list,
                                                      Function<String, Optional<Integer>> integer) {
        boolean on = flag(string, "organization");
        boolean memberStacksOnly = flag(string, "memberStacksOnly");
        if (!on) {
            require(!memberStacksOnly, "memberStacksOnly applies to organization mode: add -c organization=true");
            return Optional.empty();
        }
        List<String> units = list.apply("organizationUnits");
        Optional<String> root = string.apply("organizationRootId");
        require(units.isEmpty() || root.isEmpty(), "set either organizationUnits or organizationRootId, not both: "
                + "the root already covers every OU");
        List<String> targets = root.map(List::of).orElse(units);
        return Optional.of(new OrganizationSettings(
                string.apply("organizationId").orElse(""),
                targets,
                string.apply("stackSetCallAs").map(s -> s.toUpperCase(java.util.Locale.ROOT))
                        .orElse(CALL_AS_DELEGATED_ADMIN),
                integer.apply("orgSweepConcurrency").orElse(DEFAULT_SWEEP_CONCURRENCY),
                integer.apply("orgSweepToleratedFailurePercent").orElse(DEFAULT_TOLERATED_FAILURE_PERCENT),
                memberStacksOnly));
    }

    private static boolean flag(Function<String, Optional<String>> string, String key) {
        return string.apply(key).map(text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("context " + key + " must be true or false, got '"
                    + text + "'");
        }).orElse(false);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
