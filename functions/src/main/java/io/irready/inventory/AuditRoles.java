package io.irready.inventory;

import io.irready.core.AwsCallFailedException;
import io.irready.core.EnvironmentNames;
import io.irready.core.Memo;
import io.irready.core.ResourceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Clients for any account of the organization: the home account (where irready runs) with irready's
 * own credentials, every other account through {@code arn:<partition>:iam::<account>:role/<roleName>}
 * assumed with STS. Each account's session is kept until shortly before it expires, so a warm Lambda
 * container or a long scan makes one STS call per account, however many threads ask at once.
 *
 * <p>A role that cannot be assumed fails {@link #clientsFor} with an {@link AwsCallFailedException} for
 * {@code sts:AssumeRole}: the caller reports that account as unaudited (one ERROR), never as clean.
 */
public final class AuditRoles {
    public static final String DEFAULT_ROLE_NAME = "IrreadyAuditRole";
    public static final String ASSUME_ROLE = "sts:AssumeRole";
    /** A session this close to expiry is renewed before use: a long evaluation must not outlive it. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final String SESSION_NAME = "irready";

    private final AwsClients home;
    private final Supplier<String> homeAccount;
    private final String stsRegion;
    private final String roleName;
    private final Clock clock;
    private final ConcurrentMap<String, AssumedRole> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger assumeCalls = new AtomicInteger();

    /**
     * @param home        clients with irready's own credentials
     * @param homeAccount the account those credentials belong to
     * @param stsRegion   where STS is called (also fixes the partition of the role ARNs)
     * @param roleName    the role's name in every other account
     */
    public AuditRoles(AwsClients home, String homeAccount, String stsRegion, String roleName, Clock clock) {
        this(home, constant(Objects.requireNonNull(homeAccount, "homeAccount")), stsRegion, roleName, clock);
    }

    /** As above, with the home account asked for on first use (a Lambda learns it from STS, lazily). */
    public AuditRoles(AwsClients home, Supplier<String> homeAccount, String stsRegion, String roleName, Clock clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.homeAccount = Memo.of(homeAccount);
        this.stsRegion = Objects.requireNonNull(stsRegion, "stsRegion");
        this.roleName = validRoleName(roleName);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The role name {@code IRREADY_AUDIT_ROLE_NAME} names, else {@value #DEFAULT_ROLE_NAME}. */
    public static String roleName(Map<String, String> env) {
        return Optional.ofNullable(env.get(EnvironmentNames.IRREADY_AUDIT_ROLE_NAME)).map(String::trim)
                .filter(name -> !name.isEmpty()).orElse(DEFAULT_ROLE_NAME);
    }

    public String roleName() {
        return roleName;
    }

    public String homeAccount() {
        return homeAccount.get();
    }

    /** The role irready assumes in {@code account}. */
    public String roleArn(String account) {
        return "arn:" + ResourceIds.partition(stsRegion) + ":iam::" + account + ":role/" + roleName;
    }

    /**
     * Clients acting in {@code account}: the home clients for the home account, else clients with the
     * audit role's session (assumed now when there is none yet or it is about to expire).
     *
     * @throws AwsCallFailedException for {@code sts:AssumeRole} when the role cannot be assumed
     */
    public AwsClients clientsFor(String account) {
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("not an AWS account id: " + account);
        }
        if (account.equals(homeAccount.get())) {
            return home;
        }
        AssumedRole role = sessions.computeIfAbsent(account, AssumedRole::new);
        role.resolveCredentials(); // fail here, once, rather than in every collector's first call
        return home.withCredentials(role);
    }

    /** How many times STS was asked (each account once per session lifetime). */
    public int assumeCalls() {
        return assumeCalls.get();
    }

    /** {@code cannot assume IrreadyAuditRole in 222222222222: access denied to sts:AssumeRole …}. */
    public String unavailable(String account, AwsCallFailedException failure) {
        return "cannot assume " + roleName + " in " + account + ": " + failure.getMessage();
    }

    private static Supplier<String> constant(String value) {
        return () -> value;
    }

    private static String validRoleName(String name) {
        Objects.requireNonNull(name, "roleName");
        // IAM role names (path excluded): letters, digits and +=,.@_- up to 64 characters
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("not an IAM role name: " + name);
        }
        return name;
    }

    /** One account's role session, renewed when it is about to expire; one STS call at a time. */
    private final class AssumedRole implements AwsCredentialsProvider {
        private final String account;
        private AwsSessionCredentials session;
        private Instant expiresAt = Instant.MIN;

        AssumedRole(String account) {
            this.account = account;
        }

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            if (session == null || !clock.instant().isBefore(expiresAt.minus(RENEW_BEFORE_EXPIRY))) {
                assume();
            }
            return session;
        }

        private void assume() {
            assumeCalls.incrementAndGet();
            try (StsClient sts = home.build(StsClient.builder(), stsRegion)) {
                Credentials c = AwsCall.call(ASSUME_ROLE, () -> sts.assumeRole(r -> r.roleArn(roleArn(account))
                        .roleSessionName(SESSION_NAME))).credentials();
                session = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
                expiresAt = c.expiration() == null ? clock.instant().plus(Duration.ofHours(1)) : c.expiration();
            }
        }
    }
}
