package io.irready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.checks.cloudtrail.CloudTrailBucketRetentionCheck;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.AwsClients;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code cloudtrail-bucket-retention} reads the account-level S3 Block Public Access (S3 Control) through the
 * real collectors and SDK, and judges the trail bucket with both levels combined.
 */
class AccountBlockPublicAccessTest {
    private static final String BUCKET = "arn:aws:s3:::" + AccountGenerator.TRAIL_BUCKET;

    /** The demo account whose trail bucket's own settings leave it public (no block, a public policy). */
    private static SimulatedAccount publicTrailBucket(Boolean accountBlocked) {
        SimulatedAccount a = AccountGenerator.demo();
        SimulatedAccount.Bucket b = a.buckets.get(AccountGenerator.TRAIL_BUCKET);
        a.buckets.put(b.name(), new SimulatedAccount.Bucket(b.name(), b.ownerAccount(), b.expirationDays(), false));
        a.bucketPublicPolicies.add(b.name());
        a.accountPublicAccessBlocked = accountBlocked;
        return a;
    }

    private static Finding bucketFinding(SimulatedAccount account) throws IOException {
        try (AwsSimulator sim = new AwsSimulator(account)) {
            AwsClients clients = AwsClients.forEndpoint(sim.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 1);
            List<Finding> findings = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                    .evaluate(Catalog.inventories(clients).create(account.account, account.region),
                            List.of(CloudTrailBucketRetentionCheck.ID), Scope.REGION).findings();
            return findings.stream().filter(f -> f.resourceId().equals(BUCKET)).findFirst().orElseThrow();
        }
    }

    @Test
    void theAccountLevelBlockPublicAccessAllOnSatisfiesAPublicTrailBucket() throws IOException {
        Finding f = bucketFinding(publicTrailBucket(true));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).contains("is not public (the account-level Block Public Access blocks what its own "
                + "settings allow: its bucket policy grants public access)");
    }

    @Test
    void withoutAnAccountLevelBlockThePublicTrailBucketFails() throws IOException {
        Finding f = bucketFinding(publicTrailBucket(null));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("is public (its bucket policy grants public access)");
    }

    @Test
    void anAccountLevelBlockThatIsOffLeavesItPublic() throws IOException {
        assertThat(bucketFinding(publicTrailBucket(false)).status()).isEqualTo(Status.FAIL);
    }
}
