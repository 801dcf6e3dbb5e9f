package io.irready.inventory.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogsCollectorTest {
    private static final String TARGET = "Logs_20140328.DescribeLogGroups";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private LogsInventory inventory() {
        return LogsCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void pagesThroughAllLogGroupsOnceAndCachesThem() {
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{}")).willReturn(json("""
                {"logGroups":[{"logGroupName":"/aws/lambda/a","arn":"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/a:*","retentionInDays":30}],
                 "nextToken":"p2"}""")));
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{\"nextToken\":\"p2\"}")).willReturn(json("""
                {"logGroups":[{"logGroupName":"trail","arn":"arn:aws:logs:eu-west-1:123456789012:log-group:trail:*",
                  "kmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/k1"}]}""")));

        LogsInventory logs = inventory();

        assertThat(logs.logGroups()).containsExactly(
                new LogGroup("/aws/lambda/a", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/a",
                        Optional.of(30), Optional.empty()),
                new LogGroup("trail", "arn:aws:logs:eu-west-1:123456789012:log-group:trail",
                        Optional.empty(), Optional.of("arn:aws:kms:eu-west-1:123456789012:key/k1")));
        assertThat(logs.logGroup("trail")).isPresent();
        assertThat(logs.logGroup("missing")).isEmpty();
        aws.server().verify(2, jsonCallMade(TARGET));
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(jsonCall(TARGET).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(jsonCall(TARGET).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json("{\"logGroups\":[]}")));

        assertThat(inventory().logGroups()).isEmpty();
        aws.server().verify(2, jsonCallMade(TARGET));
    }

    @Test
    void accessDeniedNamesTheActionAndIsNotRetriedNorRepeated() {
        aws.stub(jsonCall(TARGET).willReturn(jsonError(400, "AccessDeniedException",
                "User is not authorized to perform: logs:DescribeLogGroups")));
        LogsInventory logs = inventory();

        assertThatThrownBy(logs::logGroups).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("logs:DescribeLogGroups");
            assertThat(e.getMessage()).contains("access denied to logs:DescribeLogGroups");
        });
        assertThatThrownBy(() -> logs.logGroup("x")).isInstanceOf(AwsCallFailedException.class);
        aws.server().verify(1, jsonCallMade(TARGET));
    }
}
