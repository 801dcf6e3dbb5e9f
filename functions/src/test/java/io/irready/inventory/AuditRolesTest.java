package io.irready.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

/** The audit role, assumed over the real SDK against WireMock's STS. */
class AuditRolesTest {
    private static final String HOME = AwsWire.ACCOUNT;
    private static final String MEMBER = "222222222222";
    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");
    private final AwsWire aws = new AwsWire();
    private final MutableClock clock = new MutableClock(NOW);

    @AfterEach
    void stop() {
        aws.close();
    }

    private void roleAnswers(String account, String accessKey, Instant expiration) {
        aws.stub(queryCall("AssumeRole").withRequestBody(containing("iam%3A%3A" + account + "%3Arole%2F"))
                .willReturn(xml("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>secret</SecretAccessKey>
                      <SessionToken>token</SessionToken>
                      <Expiration>%s</Expiration>
                    </Credentials>
                    <AssumedRoleUser><Arn>arn:aws:sts::%s:assumed-role/IrreadyAuditRole/irready</Arn>
                      <AssumedRoleId>AROA:irready</AssumedRoleId></AssumedRoleUser>
                  </AssumeRoleResult>
                </AssumeRoleResponse>""".formatted(accessKey, expiration, account))));
    }

    private AuditRoles roles(String roleName) {
        return new AuditRoles(aws.clients(), HOME, AwsWire.REGION, roleName, clock);
    }

    private int assumeRequests() {
        return aws.server().countRequestsMatching(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssumeRole")).build()).getCount();
    }

    @Test
    void theHomeAccountUsesItsOwnCredentials() {
        AuditRoles roles = roles("IrreadyAuditRole");
        assertThat(roles.clientsFor(HOME).credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIDTEST");
        assertThat(assumeRequests()).isZero();
    }

    @Test
    void anotherAccountIsEnteredThroughItsRoleOnceForManyCallersAtOnce() throws Exception {
        roleAnswers(MEMBER, "ASIAMEMBER", NOW.plus(Duration.ofHours(1)));
        AuditRoles roles = roles("Auditor");

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> keys = java.util.stream.IntStream.range(0, 16).mapToObj(i -> pool.submit(() ->
                    roles.clientsFor(MEMBER).credentials().resolveCredentials().accessKeyId())).toList();
            for (Future<String> key : keys) {
                assertThat(key.get()).isEqualTo("ASIAMEMBER");
            }
        }
        assertThat(assumeRequests()).isEqualTo(1);
        assertThat(aws.server().findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString())
                .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FAuditor");
    }

    @Test
    void theAssumedCredentialsReachTheMemberAccountsClients() {
        roleAnswers(MEMBER, "ASIAMEMBER", NOW.plus(Duration.ofHours(1)));
        try (StsClient sts = roles("IrreadyAuditRole").clientsFor(MEMBER).build(StsClient.builder(), AwsWire.REGION)) {
            sts.getCallerIdentity();
        } catch (RuntimeException unstubbed) {
            // only the credentials the request was signed with matter here
        }
        assertThat(aws.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetCallerIdentity")))).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).contains("Credential=ASIAMEMBER/"));
    }

    @Test
    void aSessionAboutToExpireIsRenewed() {
        roleAnswers(MEMBER, "ASIAMEMBER", NOW.plus(Duration.ofHours(1)));
        AuditRoles roles = roles("IrreadyAuditRole");
        AwsClients member = roles.clientsFor(MEMBER);
        clock.now = NOW.plus(Duration.ofMinutes(50));
        member.credentials().resolveCredentials();
        assertThat(assumeRequests()).isEqualTo(1);

        clock.now = NOW.plus(Duration.ofMinutes(56)); // within five minutes of expiry
        member.credentials().resolveCredentials();
        assertThat(assumeRequests()).isEqualTo(2);
    }

    @Test
    void aRoleThatCannotBeAssumedFailsNamingAssumeRole() {
        aws.stub(queryCall("AssumeRole").willReturn(queryError(403, "AccessDenied",
                "User is not authorized to perform: sts:AssumeRole")));
        AuditRoles roles = roles("IrreadyAuditRole");

        assertThatThrownBy(() -> roles.clientsFor(MEMBER)).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.action()).isEqualTo("sts:AssumeRole");
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(roles.unavailable(MEMBER, e)).startsWith(
                    "cannot assume IrreadyAuditRole in 222222222222: access denied to sts:AssumeRole (AccessDenied)");
        });
    }

    @Test
    void theRoleNameComesFromTheEnvironmentElseTheDefault() {
        assertThat(AuditRoles.roleName(Map.of())).isEqualTo("IrreadyAuditRole");
        assertThat(AuditRoles.roleName(Map.of("IRREADY_AUDIT_ROLE_NAME", " OrgAudit "))).isEqualTo("OrgAudit");
        assertThat(new AuditRoles(aws.clients(), HOME, "us-gov-west-1", "OrgAudit", clock).roleArn(MEMBER))
                .isEqualTo("arn:aws-us-gov:iam::222222222222:role/OrgAudit");
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
