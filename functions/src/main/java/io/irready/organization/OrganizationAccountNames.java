package io.irready.organization;

import io.irready.alerts.AccountNames;
import io.irready.core.Memo;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Account names from Organizations ({@code DescribeAccount}), kept for the life of the container: names
 * rarely change, and the sweep plan's {@code ListAccounts} names are {@link #remember remembered} for free.
 * An account Organizations will not describe (a standalone deployment, a missing permission, throttling)
 * has no name for a while, then is asked about again; the alert goes out with the id either way.
 */
public final class OrganizationAccountNames implements AccountNames {
    public static final String DESCRIBE_ACCOUNT = "organizations:DescribeAccount";
    /** How long "no name" is believed before Organizations is asked again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(15);

    private final Supplier<OrganizationsClient> organizations;
    private final Clock clock;
    private final ConcurrentMap<String, String> names = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> unnamedUntil = new ConcurrentHashMap<>();
    private final AtomicInteger describeCalls = new AtomicInteger();

    public OrganizationAccountNames(AwsClients clients, String region, Clock clock) {
        this(Memo.of(() -> clients.build(OrganizationsClient.builder(), region)), clock);
    }

    public OrganizationAccountNames(Supplier<OrganizationsClient> organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A name learnt elsewhere (the sweep plan lists every account with its name). */
    @Override
    public void remember(String account, String name) {
        if (name != null && !name.isBlank()) {
            names.put(account, name);
            unnamedUntil.remove(account);
        }
    }

    @Override
    public Optional<String> nameOf(String account) {
        String known = names.get(account);
        if (known != null) {
            return Optional.of(known);
        }
        Instant until = unnamedUntil.get(account);
        if (until != null && clock.instant().isBefore(until)) {
            return Optional.empty();
        }
        try {
            describeCalls.incrementAndGet();
            String name = AwsCall.call(DESCRIBE_ACCOUNT, () -> organizations.get()
                    .describeAccount(r -> r.accountId(account))).account().name();
            if (name != null && !name.isBlank()) {
                names.put(account, name);
                return Optional.of(name);
            }
        } catch (RuntimeException e) {
            // a name is a nicety: the alert is sent with the account id
        }
        unnamedUntil.put(account, clock.instant().plus(RETRY_AFTER));
        return Optional.empty();
    }

    /** How many times Organizations was asked (once per account per container, unless it failed). */
    public int describeCalls() {
        return describeCalls.get();
    }
}
