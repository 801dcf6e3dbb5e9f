package io.irready.inventory;

import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.guardduty.GuardDutyEnabled;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.guardduty.GuardDutyCollector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.testing.AwsWire;
import io.irready.testing.CheckHarness;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An inventory of another account reads that account through its audit role (an event from a member
 * account is judged on the member's state), and a role that cannot be assumed is an ERROR, not a pass.
 */
class InventoriesAcrossAccountsTest {
    private static final String HOME = AwsWire.ACCOUNT;
    private static final String MEMBER = "222222222222";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private AwsInventoryFactory inventories(List<String> keysSeen) {
        AuditRoles roles = new AuditRoles(aws.clients(), HOME, AwsWire.REGION, "IrreadyAuditRole", Clock.systemUTC());
        ServiceCollector<String> whoReads = ServiceCollector.of(String.class, (clients, account, region) -> {
            String key = clients.credentials().resolveCredentials().accessKeyId();
            keysSeen.add(account + ":" + key);
            return key;
        });
        return new AwsInventoryFactory(aws.clients(), List.of(whoReads,
                ServiceCollector.regional(GuardDutyInventory.class, GuardDutyCollector::inventory)))
                .acrossAccounts(roles::clientsFor);
    }

    @Test
    void eachAccountIsReadWithItsOwnCredentials() {
        aws.stub(queryCall("AssumeRole").willReturn(xml("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                  <Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
                    <SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                </AssumeRoleResult></AssumeRoleResponse>""")));
        List<String> keysSeen = new java.util.ArrayList<>();
        AwsInventoryFactory inventories = inventories(keysSeen);

        inventories.create(HOME, AwsWire.REGION).service(String.class);
        inventories.create(MEMBER, AwsWire.REGION).service(String.class);
        inventories.create(MEMBER, "us-east-1").service(String.class);

        assertThat(keysSeen).containsExactly(HOME + ":AKIDTEST", MEMBER + ":ASIAMEMBER", MEMBER + ":ASIAMEMBER");
    }

    @Test
    void aMemberWhoseRoleCannotBeAssumedIsAnErrorNamingAssumeRole() {
        aws.stub(queryCall("AssumeRole").willReturn(queryError(403, "AccessDenied", "not authorized")));

        List<Finding> findings = CheckHarness.of(new GuardDutyEnabled())
                .findings(inventories(new java.util.ArrayList<>()).create(MEMBER, AwsWire.REGION));

        Finding f = CheckHarness.only(findings);
        assertThat(f.account()).isEqualTo(MEMBER);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to sts:AssumeRole (AccessDenied)");
    }
}
