package io.irready.inventory.eventbridge;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EventBridge speaks JSON 1.1 with {@code X-Amz-Target: AWSEvents.<Action>}. */
class EventBridgeCollectorTest {
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private EventBridgeInventory inventory() {
        return EventBridgeCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void describesARuleAndPagesItsTargets() {
        aws.stub(jsonCall("AWSEvents.DescribeRule").willReturn(json("""
                {"Name":"irready-cloudtrail","Arn":"arn:aws:events:eu-west-1:123456789012:rule/irready-cloudtrail",
                 "State":"DISABLED","EventBusName":"default","EventPattern":"{}"}""")));
        aws.stub(jsonCall("AWSEvents.ListTargetsByRule").withRequestBody(notContaining("NextToken"))
                .willReturn(json("""
                {"Targets":[{"Id":"1","Arn":"arn:aws:lambda:eu-west-1:123456789012:function:irready-events:live"}],
                 "NextToken":"t2"}""")));
        aws.stub(jsonCall("AWSEvents.ListTargetsByRule").withRequestBody(containing("\"NextToken\":\"t2\""))
                .willReturn(json("{\"Targets\":[{\"Id\":\"2\",\"Arn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\"}]}")));

        EventBridgeInventory events = inventory();

        assertThat(events.rule("irready-cloudtrail")).contains(new EventRule("irready-cloudtrail",
                "arn:aws:events:eu-west-1:123456789012:rule/irready-cloudtrail", "DISABLED"));
        assertThat(events.targetArns("irready-cloudtrail")).containsExactly(
                "arn:aws:lambda:eu-west-1:123456789012:function:irready-events:live",
                "arn:aws:sqs:eu-west-1:123456789012:dlq");
        aws.server().verify(2, jsonCallMade("AWSEvents.ListTargetsByRule"));
    }

    @Test
    void deletedRuleIsEmptyAndDeniedNamesTheAction() {
        aws.stub(jsonCall("AWSEvents.DescribeRule").willReturn(jsonError(400, "ResourceNotFoundException",
                "Rule irready-cloudtrail does not exist on EventBus default.")));
        aws.stub(jsonCall("AWSEvents.ListTargetsByRule").willReturn(jsonError(400, "AccessDeniedException", "no")));

        assertThat(inventory().rule("irready-cloudtrail")).isEmpty();
        assertThatThrownBy(() -> inventory().targetArns("irready-cloudtrail"))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.action()).isEqualTo("events:ListTargetsByRule");
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                });
    }
}
