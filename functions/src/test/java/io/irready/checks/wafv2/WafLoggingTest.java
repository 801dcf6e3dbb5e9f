package io.irready.checks.wafv2;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.wafv2.WafInventory;
import io.irready.inventory.wafv2.WebAcl;
import io.irready.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class WafLoggingTest {
    private static final String REGIONAL = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/";
    private static final String DESTINATION = "arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-storefront";
    private final CheckHarness check = CheckHarness.of(new WafLogging());

    private Finding only(WebAcl acl) {
        Finding f = CheckHarness.only(check.findings(inventory()
                .with(WafInventory.class, WafInventory.of(List.of(acl))).build()));
        assertThat(f.resourceId()).isEqualTo(acl.arn());
        return f;
    }

    @Test
    void anAclWithALoggingConfigurationPasses() {
        Finding f = only(new WebAcl("storefront", REGIONAL + "storefront/a1", "REGIONAL", List.of(DESTINATION)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Web ACL storefront logs its requests to " + DESTINATION + ".");
    }

    @Test
    void anAclWithoutLoggingFails() {
        String arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/c1";
        Finding f = only(new WebAcl("cdn", arn, "CLOUDFRONT", List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("CloudFront web ACL cdn has no logging configuration: the requests it "
                + "inspects and blocks leave no record. Enable logging (aws wafv2 put-logging-configuration "
                + "--logging-configuration ResourceArn=" + arn + ",LogDestinationConfigs=<aws-waf-logs-… destination "
                + "ARN>).");
    }

    @Test
    void aFirewallManagerAclWithoutLoggingIsNotApplicableHere() {
        Finding f = only(new WebAcl("FMManagedWebACLV2-baseline-1700000000000",
                REGIONAL + "FMManagedWebACLV2-baseline-1700000000000/f1", "REGIONAL", List.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("Web ACL FMManagedWebACLV2-baseline-1700000000000 is managed by AWS Firewall "
                + "Manager: its logging is set in the Firewall Manager policy of the administrator account, not here.");
    }

    @Test
    void noAclNoFinding() {
        assertThat(check.findings(inventory().with(WafInventory.class, WafInventory.of(List.of())).build())).isEmpty();
    }

    @Test
    void deniedLoggingReadIsAnErrorNamingTheAction() {
        Finding f = CheckHarness.only(check.findings(inventory().with(WafInventory.class, new WafInventory(() -> {
            throw denied("wafv2:GetLoggingConfiguration");
        })).build()));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to wafv2:GetLoggingConfiguration");
    }
}
