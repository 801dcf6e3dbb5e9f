package io.irready.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.sim.SimulatedAccount.EksCluster;
import java.util.List;

/** EKS (REST-JSON): {@code GET /clusters} paged by nextToken, {@code GET /clusters/{name}}. */
final class EksService {
    /** Every control-plane log type, in the order EKS lists them. */
    private static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager",
            "scheduler");

    private final SimulatedAccount a;

    EksService(SimulatedAccount account) {
        this.a = account;
    }

    Reply serve(AwsRequest r) {
        if (!"GET".equals(r.method())) {
            return null;
        }
        if (r.path().equals("/clusters")) {
            Pages<EksCluster> page = Pages.of(a.eksClusters, r.query().get("nextToken"), 100);
            ObjectNode out = Reply.object();
            ArrayNode names = out.putArray("clusters");
            page.items().forEach(c -> names.add(c.name()));
            if (page.nextToken() != null) {
                out.put("nextToken", page.nextToken());
            }
            return json(200, out);
        }
        if (r.path().startsWith("/clusters/") && r.path().split("/").length == 3) {
            String name = r.path().substring("/clusters/".length());
            return a.eksClusters.stream().filter(c -> c.name().equals(name)).findFirst()
                    .map(c -> json(200, Reply.object().set("cluster", cluster(c))))
                    .orElseGet(() -> json(404, Reply.object().put("__type", "ResourceNotFoundException")
                            .put("message", "No cluster found for name: " + name + ".")));
        }
        return null;
    }

    /** DescribeCluster's cluster: enabled types in one clusterLogging entry, the others in a disabled one. */
    private ObjectNode cluster(EksCluster c) {
        ObjectNode n = Reply.object().put("name", c.name()).put("arn", a.arn("eks", "cluster/" + c.name()))
                .put("createdAt", 1_700_000_000).put("version", "1.31").put("status", c.status())
                .put("roleArn", "arn:aws:iam::" + a.account + ":role/eksClusterRole").put("platformVersion", "eks.12");
        ArrayNode logging = n.putObject("logging").putArray("clusterLogging");
        List<String> off = LOG_TYPES.stream().filter(t -> !c.loggedTypes().contains(t)).toList();
        if (!c.loggedTypes().isEmpty()) {
            ObjectNode on = logging.addObject().put("enabled", true);
            c.loggedTypes().forEach(on.putArray("types")::add);
        }
        if (!off.isEmpty()) {
            ObjectNode disabled = logging.addObject().put("enabled", false);
            off.forEach(disabled.putArray("types")::add);
        }
        return n;
    }

    private static Reply json(int status, ObjectNode body) {
        return new Reply(status, "application/json", body.toString());
    }
}
