package io.irready.organization;

import io.irready.store.ReadinessScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How ready an organization is: each account's {@link ReadinessScore}, and the organization's (and each OU's)
 * score as the <em>mean of its accounts' scores</em>, rounded to one decimal. Each account counts the same
 * however many resources it holds, because an intruder needs one blind account, not a blind share of the
 * resources: pooling every finding would let one big healthy account hide ten small broken ones. The lowest
 * account is named beside the mean for the same reason. An organization without accounts scores 100.
 *
 * @param score    the mean of the account scores
 * @param accounts every account's score, in the order given
 * @param units    the mean per OU (empty when OU membership is unknown)
 */
public record OrganizationScore(double score, List<AccountScore> accounts, List<UnitScore> units) {

    public OrganizationScore {
        accounts = List.copyOf(accounts);
        units = List.copyOf(units);
    }

    /** One account's score; {@code name} is empty when unknown. */
    public record AccountScore(String account, String name, ReadinessScore score) {
        /** {@code prod (111122223333)}, or the id. */
        public String label() {
            return name.isBlank() ? account : name + " (" + account + ")";
        }
    }

    /** One OU's mean over the accounts under it (at any depth). */
    public record UnitScore(String unit, String name, double score, int accounts) {
    }

    /**
     * @param accounts the accounts' scores
     * @param units    OU id → (its name, the account ids under it at any depth); may be empty
     */
    public static OrganizationScore of(List<AccountScore> accounts, Map<String, Map.Entry<String, List<String>>> units) {
        List<UnitScore> perUnit = new ArrayList<>();
        units.forEach((id, unit) -> {
            List<AccountScore> in = accounts.stream().filter(a -> unit.getValue().contains(a.account())).toList();
            if (!in.isEmpty()) {
                perUnit.add(new UnitScore(id, unit.getKey(), mean(in), in.size()));
            }
        });
        return new OrganizationScore(mean(accounts), accounts, perUnit);
    }

    public static OrganizationScore of(List<AccountScore> accounts) {
        return of(accounts, Map.of());
    }

    /** The least ready account (the first of equals), if any. */
    public Optional<AccountScore> lowest() {
        return accounts.stream().min(Comparator.comparingDouble(a -> a.score().score()));
    }

    /** {@code Organization readiness 73.5/100, the mean of 4 account scores; lowest: dev (222222222222) at 12.0/100}. */
    public String summary() {
        return "Organization readiness " + score + "/100, the mean of " + accounts.size() + " account score"
                + (accounts.size() == 1 ? "" : "s") + lowest().map(a -> "; lowest: " + a.label() + " at "
                + a.score().score() + "/100").orElse("");
    }

    private static double mean(List<AccountScore> scores) {
        if (scores.isEmpty()) {
            return 100.0;
        }
        double sum = scores.stream().mapToDouble(a -> a.score().score()).sum();
        return Math.round(10.0 * sum / scores.size()) / 10.0;
    }
}
