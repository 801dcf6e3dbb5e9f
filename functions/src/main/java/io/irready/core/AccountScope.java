package io.irready.core;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The accounts a deployment audits besides its own: any account (the default), or the listed ones.
 * An event from an account outside it is not evaluated (a member the organization does not want
 * audited, or a forwarded event nobody asked for); the home account is always in scope, because
 * irready audits the account it runs in whatever else it is told.
 *
 * @param accounts the account ids in scope besides the home account; empty means any account
 */
public record AccountScope(Set<String> accounts) {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final AccountScope ANY = new AccountScope(Set.of());

    public AccountScope {
        accounts = Set.copyOf(new TreeSet<>(accounts));
        for (String account : accounts) {
            if (!ACCOUNT_ID.matcher(account).matches()) {
                throw new IllegalArgumentException("account scope: '" + account + "' is not a 12-digit AWS account id");
            }
        }
    }

    public static AccountScope any() {
        return ANY;
    }

    /** {@code 111111111111,222222222222}; empty or {@code *} for any account. */
    public static AccountScope parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equals("*")) {
            return ANY;
        }
        return new AccountScope(Set.copyOf(Arrays.stream(trimmed.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
    }

    public boolean isAny() {
        return accounts.isEmpty();
    }

    /**
     * Whether {@code account} may be evaluated. The home account is asked for only when the answer
     * depends on it (a listed scope that does not name the account), so an any-account deployment
     * never needs to know it.
     */
    public boolean includes(String account, java.util.function.Supplier<String> homeAccount) {
        return isAny() || accounts.contains(account) || account.equals(homeAccount.get());
    }

    /** As {@code IRREADY_ACCOUNT_SCOPE} writes it: {@code *} or the sorted ids, comma-separated. */
    @Override
    public String toString() {
        return isAny() ? "*" : String.join(",", new TreeSet<>(accounts));
    }
}
