package io.irready.checks.iam;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.AwsFailures.notFound;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.trail;
import static io.irready.testing.CloudTrailFixtures.trails;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.iam.ResponderSimulation;
import io.irready.inventory.iam.SimulatedDecision;
import io.irready.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IrResponderPermissionsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/ir-responder";
    private static final Config CONFIG = Config.builder().responderRoleArn(ROLE)
            .responderActions(List.of("ec2:CreateSnapshot", "ec2:DescribeInstances", "s3:GetObject")).build();
    private final CheckHarness check = CheckHarness.of(new IrResponderPermissions());
    private final List<ResponderSimulation.Question> asked = new ArrayList<>();

    private List<Finding> run(Config config, Function<ResponderSimulation.Question, List<SimulatedDecision>> sim) {
        return check.with(config).findings(inventory()
                .with(CloudTrailInventory.class, trails(trail("main", "eu-west-1", "trail-bucket", Optional.empty())))
                .with(ResponderSimulation.class, new ResponderSimulation(q -> {
                    asked.add(q);
                    return sim.apply(q);
                })).build());
    }

    private static List<SimulatedDecision> allow(ResponderSimulation.Question q) {
        return q.actions().stream().map(a -> new SimulatedDecision(a,
                q.resources().isEmpty() ? "*" : q.resources().get(0), "allowed", List.of("responder-policy"),
                Optional.empty(), Optional.empty(), List.of())).toList();
    }

    @Test
    void allowedRolePassesAndS3IsSimulatedOnTheTrailBucket() {
        List<Finding> findings = run(CONFIG, IrResponderPermissionsTest::allow);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(ROLE);
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.reason()).isEqualTo("Responder role " + ROLE + " may perform all 3 evidence-acquisition "
                    + "actions (s3:GetObject on arn:aws:s3:::trail-bucket/*). " + IrResponderPermissions.SIMPLIFICATION);
        });
        assertThat(asked).containsExactly(
                new ResponderSimulation.Question(ROLE, List.of("ec2:CreateSnapshot", "ec2:DescribeInstances"), List.of()),
                new ResponderSimulation.Question(ROLE, List.of("s3:GetObject"), List.of("arn:aws:s3:::trail-bucket/*")));
    }

    @Test
    void permissionsBoundaryBlockingCreateSnapshotFails() {
        List<Finding> findings = run(CONFIG, q -> allow(q).stream().map(d -> d.action().equals("ec2:CreateSnapshot")
                ? new SimulatedDecision(d.action(), "*", "implicitDeny", List.of("ResponderBoundary"),
                        Optional.of(false), Optional.empty(), List.of())
                : d).toList());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).isEqualTo("Responder role " + ROLE + " cannot perform 1 of 3 evidence-acquisition "
                    + "actions: ec2:CreateSnapshot (implicitDeny: blocked by the role's permissions boundary). Allow "
                    + "them in the role's policies (and its permissions boundary) before an incident needs them. "
                    + IrResponderPermissions.SIMPLIFICATION);
        });
    }

    @Test
    void explicitDenyOnTheBucketIsNamed() {
        List<Finding> findings = run(CONFIG, q -> allow(q).stream().map(d -> d.action().equals("s3:GetObject")
                ? new SimulatedDecision(d.action(), d.resource(), "explicitDeny", List.of("DenyEvidence"),
                        Optional.empty(), Optional.empty(), List.of())
                : d).toList());

        assertThat(findings.get(0).reason()).contains("cannot perform 1 of 3 evidence-acquisition actions: "
                + "s3:GetObject on arn:aws:s3:::trail-bucket/* (explicitDeny: explicitly denied by DenyEvidence).");
    }

    @Test
    void noRoleConfiguredIsNotApplicableOnceForTheRegion() {
        List<Finding> findings = run(Config.defaults(), q -> {
            throw new AssertionError("nothing to simulate");
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(f.resourceId()).isEqualTo(f.account() + "/" + f.region());
            assertThat(f.reason()).startsWith("No incident-response role is configured");
        });
    }

    @Test
    void missingRoleFails() {
        List<Finding> findings = run(CONFIG, q -> {
            throw notFound("iam:SimulatePrincipalPolicy", "NoSuchEntity");
        });

        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).reason()).isEqualTo("Responder role " + ROLE + " does not exist (NoSuchEntity): "
                + "nobody is ready to acquire evidence. Create it or fix IRREADY_RESPONDER_ROLE_ARN.");
    }

    @Test
    void deniedSimulationIsAnError() {
        List<Finding> findings = run(CONFIG, q -> {
            throw denied("iam:SimulatePrincipalPolicy");
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to iam:SimulatePrincipalPolicy");
        });
    }
}
