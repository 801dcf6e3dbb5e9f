package io.irready.inventory.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IamCollectorTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/orders-role";
    private static final String GROUP_A = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/a:*";
    private static final String GROUP_B = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/b:*";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static SimulationRequest request() {
        return new SimulationRequest(ROLE, List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                new TreeSet<>(List.of(GROUP_A, GROUP_B)));
    }

    private static String member(String action, String resource, String decision) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision><MatchedStatements/>"
                + "<MissingContextValues/></member>";
    }

    private static String page(boolean truncated, String marker, String... members) {
        return "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><IsTruncated>" + truncated + "</IsTruncated>"
                + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
                + "<EvaluationResults>" + String.join("", members) + "</EvaluationResults>"
                + "</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>"
                + "</SimulatePrincipalPolicyResponse>";
    }

    @Test
    void simulatesOneRoleForAllItsGroupsAcrossPagesAndKeepsEachDecision() {
        aws.stub(queryCall("SimulatePrincipalPolicy").withRequestBody(notContaining("Marker=")).willReturn(xml(page(
                true, "m2",
                member("logs:CreateLogStream", GROUP_A, "allowed"),
                member("logs:CreateLogStream", GROUP_B, "allowed")))));
        aws.stub(queryCall("SimulatePrincipalPolicy").withRequestBody(containing("Marker=m2")).willReturn(xml(page(
                false, null,
                member("logs:PutLogEvents", GROUP_A, "explicitDeny"),
                member("logs:PutLogEvents", GROUP_B, "implicitDeny")))));

        IamInventory iam = IamCollector.inventory(aws.clients());
        PolicySimulation simulation = iam.simulate(request());

        assertThat(simulation.decision("logs:CreateLogStream", GROUP_A)).contains(Decision.ALLOWED);
        assertThat(simulation.decision("logs:PutLogEvents", GROUP_A)).contains(Decision.EXPLICIT_DENY);
        assertThat(simulation.decision("logs:PutLogEvents", GROUP_B)).contains(Decision.IMPLICIT_DENY);
        iam.simulate(request()); // the same question again: answered from the cache
        aws.server().verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=SimulatePrincipalPolicy")));
        aws.server().verify(2, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("PolicySourceArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Forders-role"))
                .withRequestBody(containing("ActionNames.member.2=logs%3APutLogEvents"))
                .withRequestBody(containing("ResourceArns.member.2=")));
    }

    @Test
    void resourceSpecificResultsWinOverTheSummaryDecision() {
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(xml(page(false, null,
                "<member><EvalActionName>logs:PutLogEvents</EvalActionName><EvalResourceName>*</EvalResourceName>"
                        + "<EvalDecision>implicitDeny</EvalDecision><ResourceSpecificResults>"
                        + "<member><EvalResourceName>" + GROUP_A + "</EvalResourceName>"
                        + "<EvalResourceDecision>allowed</EvalResourceDecision></member>"
                        + "<member><EvalResourceName>" + GROUP_B + "</EvalResourceName>"
                        + "<EvalResourceDecision>explicitDeny</EvalResourceDecision></member>"
                        + "</ResourceSpecificResults></member>"))));
        PolicySimulation simulation = IamCollector.inventory(aws.clients()).simulate(request());
        assertThat(simulation.decision("logs:PutLogEvents", GROUP_A)).contains(Decision.ALLOWED);
        assertThat(simulation.decision("logs:PutLogEvents", GROUP_B)).contains(Decision.EXPLICIT_DENY);
        assertThat(simulation.decision("logs:CreateLogStream", GROUP_A)).isEmpty();
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(queryError(403, "AccessDenied",
                "User is not authorized to perform: iam:SimulatePrincipalPolicy")));
        IamInventory iam = IamCollector.inventory(aws.clients());
        assertThatThrownBy(() -> iam.simulate(request())).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("iam:SimulatePrincipalPolicy");
            assertThat(e.getMessage()).startsWith("access denied to iam:SimulatePrincipalPolicy (AccessDenied)");
        });
    }

    @Test
    void aMissingRoleIsNotFound() {
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(queryError(404, "NoSuchEntity",
                "The role with name orders-role cannot be found.")));
        assertThatThrownBy(() -> IamCollector.inventory(aws.clients()).simulate(request()))
                .isInstanceOfSatisfying(AwsCallFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.NOT_FOUND));
    }
}
