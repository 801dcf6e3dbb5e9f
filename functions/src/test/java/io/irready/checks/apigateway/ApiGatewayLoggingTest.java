package io.irready.checks.apigateway;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.apigateway.ApiGatewayInventory;
import io.irready.inventory.apigateway.ApiStage;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiGatewayLoggingTest {
    private static final String GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access";
    private static final Optional<String> ROLE = Optional.of("arn:aws:iam::123456789012:role/apigw-cloudwatch");
    private static final String REST_ARN = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod";
    private static final String HTTP_ARN = "arn:aws:apigateway:eu-west-1::/apis/x9y8z7/stages/$default";

    private final CheckHarness check = CheckHarness.of(new ApiGatewayLogging());

    private static ApiStage rest(Optional<String> access, Optional<String> level) {
        return new ApiStage(ApiStage.restArn("eu-west-1", "a1b2c3", "prod"), "a1b2c3", "orders", ApiStage.REST,
                "prod", access, level);
    }

    private static ApiStage http(Optional<String> access) {
        return new ApiStage(ApiStage.v2Arn("eu-west-1", "x9y8z7", "$default"), "x9y8z7", "webhooks", "HTTP",
                "$default", access, Optional.empty());
    }

    private Finding only(ApiStage stage, Optional<String> role) {
        return CheckHarness.only(check.findings(inventory()
                .with(ApiGatewayInventory.class, ApiGatewayInventory.of(List.of(stage), role)).build()));
    }

    @Test
    void aRestStageWithAccessAndExecutionLogsPasses() {
        Finding f = only(rest(Optional.of(GROUP), Optional.of("ERROR")), ROLE);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.resourceId()).isEqualTo(REST_ARN);
        assertThat(f.reason()).isEqualTo("REST API orders (a1b2c3) stage prod writes access logs to " + GROUP
                + " and execution logs at ERROR.");
    }

    @Test
    void aRestStageWithoutLogsFailsNamingEveryGap() {
        Finding f = only(rest(Optional.empty(), Optional.of("OFF")), Optional.empty());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("REST API orders (a1b2c3) stage prod has no access logging; has execution "
                + "logging OFF for all methods (*/*); cannot write to CloudWatch Logs: API Gateway's account settings "
                + "in eu-west-1 name no CloudWatch log role: set access logging, execution logging at ERROR or INFO "
                + "and the account's CloudWatch log role.");
    }

    @Test
    void unsetExecutionLoggingCountsAsOff() {
        Finding f = only(rest(Optional.of(GROUP), Optional.empty()), ROLE);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("REST API orders (a1b2c3) stage prod has execution logging OFF for all "
                + "methods (*/*):");
    }

    @Test
    void anHttpStageNeedsAccessLoggingOnlyAndNoAccountRole() {
        Finding pass = only(http(Optional.of(GROUP)), Optional.empty());
        assertThat(pass.status()).isEqualTo(Status.PASS);
        assertThat(pass.resourceId()).isEqualTo(HTTP_ARN);
        assertThat(pass.reason()).isEqualTo("HTTP API webhooks (x9y8z7) stage $default writes access logs to "
                + GROUP + ".");

        Finding fail = only(http(Optional.empty()), ROLE);
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.reason()).isEqualTo("HTTP API webhooks (x9y8z7) stage $default has no access logging: set "
                + "its access log destination to a log group.");
    }

    @Test
    void noApisMeansNoFindingsRatherThanNotApplicable() {
        // every stage serves requests, so none is NOT_APPLICABLE; a region without APIs has nothing to judge
        assertThat(check.findings(inventory().with(ApiGatewayInventory.class,
                ApiGatewayInventory.of(List.of(), Optional.empty())).build())).isEmpty();
    }

    @Test
    void aDeniedAccountReadIsAnErrorNamingTheAction() {
        ApiGatewayInventory apigw = new ApiGatewayInventory(() -> List.of(rest(Optional.of(GROUP),
                Optional.of("INFO"))), List::of, () -> {
                    throw denied("apigateway:GET");
                });
        Finding f = CheckHarness.only(check.findings(inventory().with(ApiGatewayInventory.class, apigw).build()));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to apigateway:GET");
    }
}
