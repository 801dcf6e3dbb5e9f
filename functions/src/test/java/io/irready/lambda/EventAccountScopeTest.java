package io.irready.lambda;

import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;
import static io.irready.testing.CloudTrailAccounts.ACCOUNT;
import static io.irready.testing.CloudTrailAccounts.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.irready.core.AccountScope;
import io.irready.store.StoredFinding;
import io.irready.testing.CloudTrailAccounts;
import io.irready.testing.Dynalite;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The event path of a multi-account deployment: an event from a member in scope is judged on the
 * member's own state (read with its audit role's credentials); an event from any other account is
 * dropped before it costs a read, logged with its event id and account, and counted.
 */
class EventAccountScopeTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String MEMBER = "222222222222";
    static final String STRANGER = "333333333333";
    static final String LOGGING = "cloudtrail-logging-all-regions";
    static final ObjectMapper JSON = new ObjectMapper();

    Pipeline p;

    @BeforeEach
    void start() {
        p = new Pipeline(DYNALITE, config -> config.accountScope(AccountScope.parse(MEMBER)));
        CloudTrailAccounts.stopped(p.aws);
        p.aws.stub(queryCall("AssumeRole").willReturn(xml("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                  <Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
                    <SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                </AssumeRoleResult></AssumeRoleResponse>""")));
    }

    @AfterEach
    void stop() {
        p.close();
    }

    /** The StopLogging fixture as the given account's CloudTrail would have recorded it. */
    static String stopLoggingIn(String account) {
        return EventHandlerTest.stopLogging().replace(ACCOUNT, account);
    }

    List<LoggedRequest> requests() {
        return p.aws.server().getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    }

    @Test
    void anEventFromAMemberInScopeIsEvaluatedWithTheMembersCredentials() {
        assertThat(p.event(stopLoggingIn(MEMBER))).isEqualTo("{\"status\":\"ok\"}");

        StoredFinding finding = p.store.queries().get(MEMBER, REGION, LOGGING, MEMBER + "/" + REGION).orElseThrow();
        assertThat(finding.account()).isEqualTo(MEMBER);
        List<String> cloudTrailKeys = requests().stream()
                .filter(r -> String.valueOf(r.getHeader("X-Amz-Target")).contains("CloudTrail"))
                .map(r -> r.getHeader("Authorization").replaceAll(".*Credential=([^/]+)/.*", "$1")).distinct().toList();
        assertThat(cloudTrailKeys).containsExactly("ASIAMEMBER");
        assertThat(p.logs()).doesNotContain("EventsOutOfScope");
    }

    @Test
    void anEventFromAnAccountOutsideTheScopeIsDroppedLoggedAndCountedNeverEvaluated() throws Exception {
        assertThat(p.event(stopLoggingIn(STRANGER))).isEqualTo("{\"status\":\"ok\"}");

        // the only AWS call: learning the home account, which is always in scope
        assertThat(requests()).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("Action=GetCallerIdentity"));
        assertThat(p.store.queries().get(STRANGER, REGION, LOGGING, STRANGER + "/" + REGION)).isEmpty();
        assertThat(p.store.queries().openFindings()).isEmpty();
        assertThat(p.sns.published()).isEmpty();
        JsonNode dropped = logLines().stream().filter(l -> l.path("message").asText().contains("outside the configured scope"))
                .findFirst().orElseThrow();
        assertThat(dropped.path("eventId").asText()).isEqualTo("0ff410d2-1235-481b-a6ce-c3625ff73129");
        assertThat(dropped.path("account").asText()).isEqualTo(STRANGER);
        assertThat(p.logs()).contains("\"EventsOutOfScope\":1").doesNotContain("\"EventsRouted\"");
    }

    @Test
    void theHomeAccountIsAlwaysInScope() {
        p.event(EventHandlerTest.stopLogging());

        assertThat(p.store.queries().get(ACCOUNT, REGION, LOGGING, ACCOUNT + "/" + REGION)).isPresent();
        assertThat(requests()).noneSatisfy(r -> assertThat(r.getBodyAsString()).contains("Action=AssumeRole"));
        assertThat(p.logs()).doesNotContain("EventsOutOfScope");
    }

    List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : p.logs().split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

}
