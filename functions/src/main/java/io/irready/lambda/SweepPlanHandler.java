package io.irready.lambda;

import static io.irready.core.EnvironmentNames.AWS_DEFAULT_REGION;
import static io.irready.core.EnvironmentNames.AWS_REGION;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Config;
import io.irready.core.Memo;
import io.irready.engine.SweepMode;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.organization.OrganizationSource;
import io.irready.organization.SweepPlan;
import io.irready.organization.SweepPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The first state of the organization sweep (Step Functions): {@code {"mode":"critical"}} in,
 * {@code {"mode":"critical","regions":[…],"accounts":[{"account":"…","name":"…"},…]}} out, which the
 * Distributed Map fans out into one {@link SweepHandler} item per account and region. A thin adapter
 * over {@link SweepPlanner}. When Organizations cannot be read the invocation fails (the state machine
 * retries it): a plan of the home account alone would pass for a sweep of the organization.
 */
public final class SweepPlanHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SweepPlanner planner;

    public SweepPlanHandler() {
        this(fromEnvironment(System.getenv(), AwsClients.standard()));
    }

    public SweepPlanHandler(SweepPlanner planner) {
        this.planner = planner;
    }

    /** The planner as a deployment configures it: watched regions, account scope, OUs, irready's own account. */
    public static SweepPlanner fromEnvironment(Map<String, String> env, AwsClients clients) {
        String region = env.getOrDefault(AWS_REGION, env.getOrDefault(AWS_DEFAULT_REGION, "us-east-1"));
        Config config = Config.fromEnvironment(env);
        List<String> units = OrganizationSource.units(env);
        StsClient sts = clients.build(StsClient.builder(), region);
        Supplier<String> home = Memo.of(() -> AwsCall.required("sts:GetCallerIdentity", "Account",
                AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account()));
        List<String> regions = config.regions().isEmpty() ? List.of(region) : config.regions();
        return new SweepPlanner(() -> OrganizationSource.activeMembers(clients, region, units), config.accountScope(),
                home, regions);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(JSON.writeValueAsBytes(plan(input.readAllBytes())));
    }

    /** @throws IllegalStateException when the organization's accounts cannot be listed */
    public SweepPlan plan(byte[] input) throws IOException {
        SweepMode mode = mode(input);
        try {
            return planner.plan(mode);
        } catch (AwsCallFailedException e) {
            throw new IllegalStateException("could not list the organization's accounts for the " + mode.name()
                    .toLowerCase(java.util.Locale.ROOT) + " sweep: " + e.getMessage() + ". irready's account must be "
                    + "the management account or a delegated administrator for AWS Organizations.", e);
        }
    }

    /** {@code {"mode":"critical"|"full"}}; an empty or mode-less input is a full sweep, as for {@link SweepHandler}. */
    static SweepMode mode(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return SweepMode.FULL;
        }
        JsonNode mode = JSON.readTree(text).get("mode");
        return SweepMode.parse(mode == null || mode.isNull() ? null : mode.asText());
    }
}
