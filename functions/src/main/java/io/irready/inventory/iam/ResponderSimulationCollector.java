package io.irready.inventory.iam;

import io.irready.core.ResourceIds;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.Statement;

/** Loads {@link ResponderSimulation} answers over the SDK (AWS query protocol, XML responses; IAM is global). */
public final class ResponderSimulationCollector {
    public static final String SIMULATE = "iam:SimulatePrincipalPolicy";

    private ResponderSimulationCollector() {
    }

    public static ResponderSimulation inventory(AwsClients clients, String region) {
        // IAM is global: its client region is the partition's pseudo-region (aws-global, aws-cn-global, aws-iso-global…)
        return inventory(clients.shared(IamClient::builder, ResourceIds.partition(region) + "-global"));
    }

    public static ResponderSimulation inventory(IamClient client) {
        return new ResponderSimulation(q -> AwsCall.call(SIMULATE, () -> {
            SimulatePrincipalPolicyRequest.Builder request = SimulatePrincipalPolicyRequest.builder()
                    .policySourceArn(q.principalArn()).actionNames(q.actions());
            if (!q.resources().isEmpty()) {
                request.resourceArns(q.resources());
            }
            List<SimulatedDecision> decisions = new ArrayList<>();
            client.simulatePrincipalPolicyPaginator(request.build()).evaluationResults()
                    .forEach(r -> decisions.addAll(flatten(r)));
            return decisions;
        }));
    }

    /** One decision per resource: the simulator nests them when several resources were asked for. */
    static List<SimulatedDecision> flatten(EvaluationResult r) {
        List<String> missing = r.hasMissingContextValues() ? r.missingContextValues() : List.of();
        Optional<Boolean> orgs = Optional.ofNullable(r.organizationsDecisionDetail())
                .map(o -> o.allowedByOrganizations());
        if (!r.hasResourceSpecificResults() || r.resourceSpecificResults().isEmpty()) {
            return List.of(new SimulatedDecision(r.evalActionName(),
                    r.evalResourceName() == null ? "*" : r.evalResourceName(), r.evalDecisionAsString(),
                    statementIds(r.hasMatchedStatements() ? r.matchedStatements() : List.of()),
                    Optional.ofNullable(r.permissionsBoundaryDecisionDetail()).map(b -> b.allowedByPermissionsBoundary()),
                    orgs, missing));
        }
        List<SimulatedDecision> out = new ArrayList<>();
        for (ResourceSpecificResult s : r.resourceSpecificResults()) {
            out.add(new SimulatedDecision(r.evalActionName(), s.evalResourceName(), s.evalResourceDecisionAsString(),
                    statementIds(s.hasMatchedStatements() ? s.matchedStatements() : List.of()),
                    Optional.ofNullable(s.permissionsBoundaryDecisionDetail())
                            .map(b -> b.allowedByPermissionsBoundary()),
                    orgs, s.hasMissingContextValues() ? s.missingContextValues() : missing));
        }
        return out;
    }

    private static List<String> statementIds(List<Statement> statements) {
        return statements.stream().map(s -> s.sourcePolicyId() == null ? String.valueOf(s.sourcePolicyTypeAsString())
                : s.sourcePolicyId()).distinct().toList();
    }
}
