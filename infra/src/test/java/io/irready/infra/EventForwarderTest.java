package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** Other regions (and us-east-1, always) forward the routed events to the home region's default bus. */
class EventForwarderTest {

    @Test
    void homeEuWest1WithUsEast1GetsExactlyOneForwarderInUsEast1() {
        assertThat(Synth.full().forwarders).containsOnlyKeys("us-east-1");
        assertThat(Synth.full().deployment.forwarders().get("us-east-1").getRegion()).isEqualTo("us-east-1");
        assertThat(Synth.full().deployment.home().getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void homeUsEast1NeedsNoForwarder() {
        assertThat(Synth.minimal().forwarders).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void forwarderRulesCarryTheSamePatternsToTheHomeBusWithARoleAndDlq() {
        Template forwarder = Synth.full().forwarders.get("us-east-1");
        List<Map<String, Object>> rules = Cfn.propsOf(forwarder, "AWS::Events::Rule").stream()
                .filter(r -> !String.valueOf(r.get("Name")).endsWith("-forward-alarm-state")).toList();
        assertThat(rules).extracting(r -> r.get("EventPattern"))
                .containsExactlyInAnyOrderElementsOf(Synth.patterns());
        String role = Cfn.logicalId(forwarder, "AWS::IAM::Role", "ForwardRole");
        String dlq = Cfn.logicalId(forwarder, "AWS::SQS::Queue", "ForwardDlq");
        for (Map<String, Object> rule : rules) {
            Map<String, Object> target = Cfn.at(rule, "Targets", 0);
            assertThat(target.get("Arn").toString()).contains(":events:eu-west-1:").contains(":event-bus/default");
            assertThat(target.get("RoleArn")).isEqualTo(Cfn.arn(role));
            assertThat(Cfn.<Object>at(target, "DeadLetterConfig", "Arn")).isEqualTo(Cfn.arn(dlq));
        }
        Map<String, Object> statement = Cfn.at(Cfn.propsOf(forwarder, "AWS::IAM::Policy").get(0), "PolicyDocument",
                "Statement", 0);
        assertThat(statement.get("Action")).isEqualTo("events:PutEvents");
        assertThat(statement.get("Resource").toString()).contains(":events:eu-west-1:").contains(":event-bus/default");
        String dlqPolicy = Cfn.propsOf(forwarder, "AWS::SQS::QueuePolicy").get(0).toString();
        assertThat(dlqPolicy).contains("events.amazonaws.com", ":rule/Irready-Forwarder-us-east-1-forward-*");
        assertThat(rules).extracting(r -> r.get("Name")).contains("Irready-Forwarder-us-east-1-forward-cloudtrail");
        Map<String, Object> queue = Cfn.propsOf(forwarder, "AWS::SQS::Queue").get(0);
        assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);
    }
}
