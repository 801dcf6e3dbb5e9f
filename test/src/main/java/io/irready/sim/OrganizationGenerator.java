package io.irready.sim;

/**
 * Seeds simulated organizations: a management account and members shaped like the demo account, under a
 * Production and a Non-production OU, every member with irready's audit role unless told otherwise. Members
 * differ a little, as real ones do: every third one has GuardDuty suspended, dev does not record AWS Config.
 */
public final class OrganizationGenerator {
    public static final String MANAGEMENT = AccountGenerator.DEMO_ACCOUNT;
    public static final String PRODUCTION_OU = "ou-s1m0-production";
    public static final String NON_PRODUCTION_OU = "ou-s1m0-nonproduct";

    private OrganizationGenerator() {
    }

    /** The id of the {@code n}-th member (1-based): {@code 200000000001} … */
    public static String member(int n) {
        return String.format("%012d", 200_000_000_000L + n);
    }

    /** {@code prod}, {@code staging}, {@code dev}, then {@code workload-004} … */
    public static String memberName(int n) {
        return switch (n) {
            case 1 -> "prod";
            case 2 -> "staging";
            case 3 -> "dev";
            default -> String.format("workload-%03d", n);
        };
    }

    /** An organization of {@code accounts} accounts in all (the management account and {@code accounts - 1} members). */
    public static SimulatedOrganization organization(int accounts, String region) {
        if (accounts < 1) {
            throw new IllegalArgumentException("an organization has at least its management account");
        }
        SimulatedOrganization org = new SimulatedOrganization(AccountGenerator.demo(MANAGEMENT, region), "management");
        org.addOu(PRODUCTION_OU, "Production", SimulatedOrganization.ROOT);
        org.addOu(NON_PRODUCTION_OU, "Non-production", SimulatedOrganization.ROOT);
        for (int n = 1; n < accounts; n++) {
            SimulatedAccount member = AccountGenerator.demo(member(n), region);
            if (n % 3 == 0) {
                member.guardDutyEnabled = false;
            }
            if (n == 3) {
                member.configRecording = false;
            }
            boolean production = n == 1 || n % 2 == 0;
            org.add(member, memberName(n), production ? PRODUCTION_OU : NON_PRODUCTION_OU);
        }
        return org;
    }
}
