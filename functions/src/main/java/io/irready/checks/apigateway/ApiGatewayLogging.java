package io.irready.checks.apigateway;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.apigateway.ApiGatewayCollector;
import io.irready.inventory.apigateway.ApiGatewayInventory;
import io.irready.inventory.apigateway.ApiStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every API Gateway stage records its requests: REST API stages have access logging and execution
 * logging at {@code ERROR} or {@code INFO} for all methods ({@code methodSettings."*&#47;*"}), and the
 * region's API Gateway account setting names the CloudWatch Logs role REST APIs write through; HTTP
 * and WebSocket API stages have access logging. The judged resource is the stage
 * ({@code arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>}, {@code …::/apis/<id>/stages/<name>}).
 *
 * <p>The stage events name the API and the stage in separate fields, which no single extractor can
 * join into the stage's id, so they re-evaluate the region's stages.
 */
public final class ApiGatewayLogging implements Check, Routed {
    public static final String ID = "apigateway-logging";
    static final Set<String> LOGGING_LEVELS = Set.of("ERROR", "INFO");

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "API Gateway stages write access logs (REST stages also execution logs at ERROR or INFO)",
            Severity.MEDIUM,
            "apigateway",
            "AWS::ApiGateway::Stage / AWS::ApiGatewayV2::Stage",
            Granularity.RESOURCE,
            "API Gateway is often the only front door to serverless back ends: its access logs are the record of "
                    + "which caller (source IP, IAM principal, Cognito user, API key) called which route and what "
                    + "it answered, and execution logs show authoriser denials and integration errors. Lambda or "
                    + "DynamoDB logs behind it do not carry the caller. Turning them off is defence evasion "
                    + "(MITRE ATT&CK T1562.008, Disable or Modify Cloud Logs).",
            new Remediation(
                    "API Gateway console > APIs > select the API > Stages > select the stage > Logs and tracing > Edit: "
                            + "CloudWatch logs Errors only or Errors and info logs, Custom access logging on with a log "
                            + "group ARN (HTTP/WebSocket APIs: Monitor > Logging > select stage > Edit). REST APIs first "
                            + "need Settings > CloudWatch log role ARN.",
                    "aws apigateway update-account --patch-operations op=replace,path=/cloudwatchRoleArn,value=<role arn> "
                            + "&& aws apigateway update-stage --rest-api-id <id> --stage-name <stage> --patch-operations "
                            + "op=replace,path=/*/*/logging/loglevel,value=ERROR "
                            + "op=replace,path=/accessLogSettings/destinationArn,value=<log group arn>  # HTTP/WebSocket: "
                            + "aws apigatewayv2 update-stage --api-id <id> --stage-name <stage> --access-log-settings "
                            + "DestinationArn=<log group arn>,Format='$context.requestId $context.identity.sourceIp'"),
            List.of(ApiGatewayCollector.GET),
            new References(List.of(), List.of("APIGateway.1", "APIGateway.9"), List.of()));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.apigateway", "UpdateStage").disablesEvidence()
                    .because("changes a stage's access log destination or execution logging level (REST and "
                            + "HTTP/WebSocket APIs log under the same source and name)")
            .on("aws.apigateway", "CreateStage", "CreateDeployment")
                    .because("a new stage starts without access or execution logging")
            .on("aws.apigateway", "UpdateAccount").disablesEvidence()
                    .because("removing the account's CloudWatch Logs role stops every REST API in the region from "
                            + "writing logs")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        ApiGatewayInventory apigw = ctx.service(ApiGatewayInventory.class);
        List<ApiStage> rest = apigw.restStages().stream().filter(s -> ctx.scope().includes(s.arn())).toList();
        // the region's one account setting: a failed read blinds every REST stage alike, so it propagates
        Optional<String> role = rest.isEmpty() ? Optional.empty() : apigw.cloudWatchRole();
        List<Finding> findings = new ArrayList<>(EachResource.judge(ctx, rest, ApiStage::arn,
                stage -> judgeRest(ctx, stage, role)));
        findings.addAll(EachResource.judge(ctx, apigw.v2Stages(), ApiStage::arn, stage -> judgeV2(ctx, stage)));
        return findings;
    }

    private static Finding judgeRest(CheckContext ctx, ApiStage s, Optional<String> role) {
        String name = "REST API " + s.apiName() + " (" + s.apiId() + ") stage " + s.stageName();
        String level = s.executionLoggingLevel().orElse("OFF");
        List<String> gaps = new ArrayList<>();
        if (s.accessLogDestination().isEmpty()) {
            gaps.add("has no access logging");
        }
        if (!LOGGING_LEVELS.contains(level)) {
            gaps.add("has execution logging " + level + " for all methods (*/*)");
        }
        if (role.isEmpty()) {
            gaps.add("cannot write to CloudWatch Logs: API Gateway's account settings in " + ctx.region()
                    + " name no CloudWatch log role");
        }
        if (gaps.isEmpty()) {
            return ctx.pass(s.arn(), name + " writes access logs to " + s.accessLogDestination().get()
                    + " and execution logs at " + level + ".");
        }
        return ctx.fail(s.arn(), name + " " + String.join("; ", gaps)
                + ": set access logging, execution logging at ERROR or INFO and the account's CloudWatch log role.");
    }

    private static Finding judgeV2(CheckContext ctx, ApiStage s) {
        String name = s.protocol() + " API " + s.apiName() + " (" + s.apiId() + ") stage " + s.stageName();
        if (s.accessLogDestination().isPresent()) {
            return ctx.pass(s.arn(), name + " writes access logs to " + s.accessLogDestination().get() + ".");
        }
        return ctx.fail(s.arn(), name + " has no access logging: set its access log destination to a log group.");
    }
}
