package io.irready.checks.eks;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EksAuditLogsTest {
    private static final String ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/";
    private final CheckHarness check = CheckHarness.of(new EksAuditLogs());

    private static EksCluster cluster(String name, String status, String... logged) {
        return new EksCluster(name, ARN + name, status, List.of(logged));
    }

    private Finding only(EksCluster cluster) {
        Finding f = CheckHarness.only(check.findings(inventory()
                .with(EksInventory.class, EksInventory.of(List.of(cluster))).build()));
        assertThat(f.resourceId()).isEqualTo(cluster.arn());
        return f;
    }

    @Test
    void auditAndAuthenticatorLogsPass() {
        Finding f = only(cluster("payments", "ACTIVE", "api", "audit", "authenticator"));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("EKS cluster payments sends its audit and authenticator logs to CloudWatch Logs.");
    }

    @Test
    void aClusterLoggingOnlyTheApiFailsNamingWhatIsMissing() {
        Finding f = only(cluster("ml-training", "ACTIVE", "api"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("EKS cluster ml-training does not log audit, authenticator: kubectl actions "
                + "and the IAM principals behind them leave no record. Enable them (aws eks update-cluster-config "
                + "--name ml-training --logging '{\"clusterLogging\":[{\"types\":[\"audit\",\"authenticator\"],"
                + "\"enabled\":true}]}').");
    }

    @Test
    void auditWithoutAuthenticatorStillFails() {
        Finding f = only(cluster("payments", "UPDATING", "audit"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("EKS cluster payments does not log authenticator:");
    }

    @Test
    void aClusterBeingDeletedIsNotApplicable() {
        Finding f = only(cluster("old", "DELETING"));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("EKS cluster old is DELETING: it has no control plane to log.");
    }

    @Test
    void onlyTheNamedClusterIsJudgedWhenAnEventNamesOne() {
        var inv = inventory().with(EksInventory.class, EksInventory.of(List.of(cluster("a", "ACTIVE"),
                cluster("b", "ACTIVE", "audit", "authenticator")))).build();
        List<Finding> findings = check.evaluate(inv, Scope.of(Set.of(ARN + "b"))).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(ARN + "b");
            assertThat(f.status()).isEqualTo(Status.PASS);
        });
    }

    @Test
    void theClusterKindTurnsANameOrAnArnIntoTheClusterArn() {
        assertThat(EksAuditLogs.EKS_CLUSTER.canonical("payments", "eu-west-1", "123456789012"))
                .isEqualTo(ARN + "payments");
        assertThat(EksAuditLogs.EKS_CLUSTER.canonical(ARN + "payments", "eu-west-1", "123456789012"))
                .isEqualTo(ARN + "payments");
        assertThat(EksAuditLogs.EKS_CLUSTER.canonical("arn:aws:ecs:eu-west-1:123456789012:cluster/x", "eu-west-1",
                "123456789012")).isNull();
    }

    @Test
    void deniedListingIsAnErrorNamingTheAction() {
        Finding f = CheckHarness.only(check.findings(inventory().with(EksInventory.class, new EksInventory(() -> {
            throw denied("eks:ListClusters");
        })).build()));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to eks:ListClusters");
    }
}
