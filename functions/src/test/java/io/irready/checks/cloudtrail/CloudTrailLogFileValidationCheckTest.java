package io.irready.checks.cloudtrail;

import static io.irready.testing.CheckHarness.REGION_ID;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.homedIn;
import static io.irready.testing.CloudTrailFixtures.organizationTrail;
import static io.irready.testing.CloudTrailFixtures.trail;
import static io.irready.testing.CloudTrailFixtures.withValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.testing.CheckHarness;
import io.irready.testing.CloudTrailFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudTrailLogFileValidationCheckTest {
    private final CheckHarness check = CheckHarness.of(new CloudTrailLogFileValidationCheck());

    private List<Finding> evaluate(Trail... trails) {
        return check.findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(trails), Map.of(), Map.of())).build());
    }

    @Test
    void passesWhenValidationIsOn() {
        Trail t = trail("management-trail");
        assertThat(evaluate(t)).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(t.arn());
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.reason()).isEqualTo("Trail 'management-trail' (arn:aws:cloudtrail:eu-west-1:123456789012:"
                    + "trail/management-trail) writes digest files, so its log files can be proven unmodified with "
                    + "aws cloudtrail validate-logs.");
        });
    }

    @Test
    void failsWhenValidationIsOffOneFindingPerTrail() {
        Trail off = withValidation(trail("no-digests"), false);
        Trail on = trail("management-trail");
        List<Finding> findings = evaluate(off, on);
        assertThat(findings).extracting(Finding::resourceId, Finding::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(off.arn(), Status.FAIL),
                        org.assertj.core.groups.Tuple.tuple(on.arn(), Status.PASS));
        assertThat(findings.getFirst().reason()).isEqualTo("Trail 'no-digests' (arn:aws:cloudtrail:eu-west-1:"
                + "123456789012:trail/no-digests) has log file validation off, so tampering with its log files cannot "
                + "be detected. Enable it: aws cloudtrail update-trail --name arn:aws:cloudtrail:eu-west-1:"
                + "123456789012:trail/no-digests --enable-log-file-validation.");
    }

    @Test
    void shadowTrailsAreJudgedOnlyInTheirHomeRegion() {
        assertThat(evaluate(withValidation(homedIn(trail("main"), "us-east-1"), false))).isEmpty();
    }

    @Test
    void whenTheConfiguredRegionsLeaveOutTheHomeRegionTheFirstConfiguredRegionJudgesTheTrail() {
        Trail shadow = withValidation(homedIn(trail("main"), "us-east-1"), false);
        List<Finding> findings = check.with(Config.builder().regions(List.of("eu-west-1", "eu-central-1")).build())
                .findings(inventory().with(CloudTrailInventory.class,
                        CloudTrailInventory.of(List.of(shadow), Map.of(), Map.of())).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/main");
            assertThat(f.region()).isEqualTo("eu-west-1");
            assertThat(f.status()).isEqualTo(Status.FAIL);
        });
        // but a configured home region keeps the trail to itself
        assertThat(check.with(Config.builder().regions(List.of("eu-west-1", "us-east-1")).build())
                .findings(inventory().with(CloudTrailInventory.class,
                        CloudTrailInventory.of(List.of(shadow), Map.of(), Map.of())).build())).isEmpty();
    }

    @Test
    void anOrganizationTrailOwnedByTheManagementAccountIsNotApplicable() {
        Trail org = organizationTrail(withValidation(trail("org-trail"), false));
        assertThat(evaluate(org)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(f.reason()).isEqualTo("Trail 'org-trail' (arn:aws:cloudtrail:eu-west-1:111111111111:trail/"
                    + "org-trail) belongs to account 111111111111 (an organization trail); only that account can "
                    + "change it, so it is judged there.");
        });
    }

    @Test
    void aScopedEvaluationJudgesOnlyTheNamedTrail() {
        Trail a = trail("a");
        Trail b = withValidation(trail("b"), false);
        List<Finding> findings = check.evaluate(inventory().with(CloudTrailInventory.class,
                        CloudTrailInventory.of(List.of(a, b), Map.of(), Map.of())).build(),
                Scope.of(Set.of(b.arn()))).findings();
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(b.arn());
    }

    @Test
    void errorOnTheRegionWhenTrailsCannotBeListed() {
        List<Finding> findings = check.findings(
                inventory().with(CloudTrailInventory.class, CloudTrailFixtures.listingDenied()).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(REGION_ID);
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo(CloudTrailFixtures.LISTING_DENIED_REASON);
        });
    }
}
