package io.irready.inventory.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IAM speaks the AWS query protocol: form-encoded requests, {@code <…Response><…Result>} XML, Marker paging. */
class ResponderSimulationCollectorTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/ir-responder";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private ResponderSimulation inventory() {
        return ResponderSimulationCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void pagesResultsAndReadsTheBoundaryDecision() {
        aws.stub(queryCall("SimulatePrincipalPolicy").withRequestBody(notContaining("Marker=")).willReturn(xml("""
                <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <SimulatePrincipalPolicyResult>
                    <IsTruncated>true</IsTruncated>
                    <Marker>m2</Marker>
                    <EvaluationResults>
                      <member>
                        <EvalActionName>ec2:CreateSnapshot</EvalActionName>
                        <EvalResourceName>*</EvalResourceName>
                        <EvalDecision>implicitDeny</EvalDecision>
                        <MatchedStatements>
                          <member><SourcePolicyId>ResponderBoundary</SourcePolicyId><SourcePolicyType>user-managed</SourcePolicyType></member>
                        </MatchedStatements>
                        <MissingContextValues/>
                        <PermissionsBoundaryDecisionDetail>
                          <AllowedByPermissionsBoundary>false</AllowedByPermissionsBoundary>
                        </PermissionsBoundaryDecisionDetail>
                      </member>
                    </EvaluationResults>
                  </SimulatePrincipalPolicyResult>
                  <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
                </SimulatePrincipalPolicyResponse>""")));
        aws.stub(queryCall("SimulatePrincipalPolicy").withRequestBody(containing("Marker=m2")).willReturn(xml("""
                <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <SimulatePrincipalPolicyResult>
                    <IsTruncated>false</IsTruncated>
                    <EvaluationResults>
                      <member>
                        <EvalActionName>ec2:DescribeInstances</EvalActionName>
                        <EvalResourceName>*</EvalResourceName>
                        <EvalDecision>allowed</EvalDecision>
                        <MatchedStatements>
                          <member><SourcePolicyId>responder</SourcePolicyId><SourcePolicyType>role</SourcePolicyType></member>
                        </MatchedStatements>
                        <MissingContextValues/>
                      </member>
                    </EvaluationResults>
                  </SimulatePrincipalPolicyResult>
                  <ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>
                </SimulatePrincipalPolicyResponse>""")));

        List<SimulatedDecision> decisions = inventory().simulate(ROLE,
                List.of("ec2:CreateSnapshot", "ec2:DescribeInstances"), List.of());

        assertThat(decisions).containsExactly(
                new SimulatedDecision("ec2:CreateSnapshot", "*", "implicitDeny", List.of("ResponderBoundary"),
                        Optional.of(false), Optional.empty(), List.of()),
                new SimulatedDecision("ec2:DescribeInstances", "*", "allowed", List.of("responder"),
                        Optional.empty(), Optional.empty(), List.of()));
        assertThat(decisions.get(0).why()).isEqualTo("blocked by the role's permissions boundary");
        aws.server().verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/"))
                .withRequestBody(containing("PolicySourceArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fir-responder"))
                .withRequestBody(containing("ActionNames.member.1=ec2%3ACreateSnapshot"))
                .withRequestBody(notContaining("Marker=")));
    }

    @Test
    void flattensResourceSpecificResults() {
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(xml("""
                <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <SimulatePrincipalPolicyResult>
                    <IsTruncated>false</IsTruncated>
                    <EvaluationResults>
                      <member>
                        <EvalActionName>s3:GetObject</EvalActionName>
                        <EvalDecision>implicitDeny</EvalDecision>
                        <ResourceSpecificResults>
                          <member><EvalResourceName>arn:aws:s3:::a/*</EvalResourceName><EvalResourceDecision>allowed</EvalResourceDecision>
                            <MatchedStatements/><MissingContextValues/></member>
                          <member><EvalResourceName>arn:aws:s3:::b/*</EvalResourceName><EvalResourceDecision>explicitDeny</EvalResourceDecision>
                            <MatchedStatements><member><SourcePolicyId>DenyB</SourcePolicyId></member></MatchedStatements>
                            <MissingContextValues/></member>
                        </ResourceSpecificResults>
                      </member>
                    </EvaluationResults>
                  </SimulatePrincipalPolicyResult>
                </SimulatePrincipalPolicyResponse>""")));

        assertThat(inventory().simulate(ROLE, List.of("s3:GetObject"), List.of("arn:aws:s3:::a/*", "arn:aws:s3:::b/*")))
                .extracting(SimulatedDecision::resource, SimulatedDecision::decision, SimulatedDecision::matchedStatements)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::a/*", "allowed", List.of()),
                        org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::b/*", "explicitDeny", List.of("DenyB")));
    }

    @Test
    void iamIsCalledInThePartitionOfTheRegion() {
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(xml("""
                <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults/>
                  </SimulatePrincipalPolicyResult>
                </SimulatePrincipalPolicyResponse>""")));
        for (String region : List.of("cn-northwest-1", "us-gov-east-1", "us-iso-east-1", "eu-west-1")) {
            ResponderSimulationCollector.inventory(aws.clients(), region).simulate(ROLE, List.of("s3:GetObject"), List.of());
        }

        // the client's region (here, with the endpoint overridden, the signing region) is the partition's global one
        assertThat(aws.server().getAllServeEvents()).extracting(e -> e.getRequest().getHeader("Authorization"))
                .map(auth -> auth.replaceAll(".*Credential=[^/]+/\\d+/([^/]+)/iam/.*", "$1"))
                .containsExactlyInAnyOrder("aws-cn-global", "aws-us-gov-global", "aws-iso-global", "aws-global");
    }

    @Test
    void accessDeniedAndMissingRoleAreClassified() {
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(queryError(403, "AccessDenied",
                "User is not authorized to perform: iam:SimulatePrincipalPolicy")));
        assertThatThrownBy(() -> inventory().simulate(ROLE, List.of("ec2:CreateSnapshot"), List.of()))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                    assertThat(e.action()).isEqualTo("iam:SimulatePrincipalPolicy");
                });

        aws.server().resetAll();
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(queryError(404, "NoSuchEntity",
                "The role with name ir-responder cannot be found.")));
        assertThatThrownBy(() -> inventory().simulate(ROLE, List.of("ec2:CreateSnapshot"), List.of()))
                .isInstanceOfSatisfying(AwsCallFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.NOT_FOUND));
    }
}
