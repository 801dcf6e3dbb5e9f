package io.irready.inventory.iam;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;

/**
 * Loads {@link IamInventory} over the SDK (AWS query XML). IAM is a global service: the client is
 * built for {@code aws-global} whatever region is evaluated.
 */
public final class IamCollector {
    public static final String SIMULATE_PRINCIPAL_POLICY = "iam:SimulatePrincipalPolicy";

    private IamCollector() {
    }

    public static IamInventory inventory(AwsClients clients) {
        return inventory(clients.shared(IamClient::builder, Region.AWS_GLOBAL.id()));
    }

    public static IamInventory inventory(IamClient client) {
        return new IamInventory(request -> AwsCall.call(SIMULATE_PRINCIPAL_POLICY, () -> simulate(client, request)));
    }

    private static PolicySimulation simulate(IamClient client, SimulationRequest request) {
        List<PolicySimulation.Result> results = new ArrayList<>();
        client.simulatePrincipalPolicyPaginator(SimulatePrincipalPolicyRequest.builder()
                        .policySourceArn(request.principalArn())
                        .actionNames(request.actions())
                        .resourceArns(List.copyOf(request.resourceArns()))
                        .build())
                .evaluationResults()
                .forEach(r -> results.addAll(results(r)));
        return new PolicySimulation(request.principalArn(), results);
    }

    /**
     * One result per resource: the simulator answers per action and resource in EvalResourceName,
     * and adds ResourceSpecificResults when it evaluated resources individually; those win.
     */
    private static List<PolicySimulation.Result> results(EvaluationResult r) {
        if (r.hasResourceSpecificResults() && !r.resourceSpecificResults().isEmpty()) {
            List<PolicySimulation.Result> perResource = new ArrayList<>();
            for (ResourceSpecificResult s : r.resourceSpecificResults()) {
                perResource.add(new PolicySimulation.Result(r.evalActionName(), s.evalResourceName(),
                        Decision.parse(s.evalResourceDecisionAsString())));
            }
            return perResource;
        }
        String resource = r.evalResourceName() == null ? "*" : r.evalResourceName();
        return List.of(new PolicySimulation.Result(r.evalActionName(), resource, Decision.parse(r.evalDecisionAsString())));
    }
}
