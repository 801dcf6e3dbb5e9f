package io.irready.inventory.sns;

import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicCollectorTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:irready-alerts";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void readsAttributes() {
        aws.stub(queryCall("GetTopicAttributes").willReturn(xml("""
                <GetTopicAttributesResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <GetTopicAttributesResult>
                    <Attributes>
                      <entry><key>TopicArn</key><value>%s</value></entry>
                      <entry><key>SubscriptionsConfirmed</key><value>0</value></entry>
                      <entry><key>SubscriptionsPending</key><value>2</value></entry>
                    </Attributes>
                  </GetTopicAttributesResult>
                  <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
                </GetTopicAttributesResponse>""".formatted(TOPIC))));

        assertThat(TopicCollector.inventory(aws.clients(), AwsWire.REGION).attributes(TOPIC)).hasValueSatisfying(a -> {
            assertThat(a).containsEntry("SubscriptionsConfirmed", "0").containsEntry("SubscriptionsPending", "2");
        });
    }

    @Test
    void deletedTopicIsEmptyAndDeniedNamesTheAction() {
        aws.stub(queryCall("GetTopicAttributes").willReturn(queryError(404, "NotFound", "Topic does not exist")));
        assertThat(TopicCollector.inventory(aws.clients(), AwsWire.REGION).attributes(TOPIC)).isEmpty();

        aws.server().resetAll();
        aws.stub(queryCall("GetTopicAttributes").willReturn(queryError(403, "AuthorizationError",
                "User is not authorized to perform: SNS:GetTopicAttributes")));
        assertThatThrownBy(() -> TopicCollector.inventory(aws.clients(), AwsWire.REGION).attributes(TOPIC))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.action()).isEqualTo("sns:GetTopicAttributes");
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                });
    }
}
