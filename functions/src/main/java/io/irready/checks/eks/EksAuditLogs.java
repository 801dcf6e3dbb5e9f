package io.irready.checks.eks;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.events.Extractor;
import io.irready.events.ResourceKind;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksCollector;
import io.irready.inventory.eks.EksInventory;
import java.util.List;
import java.util.Set;

/**
 * {@code eks-audit-logs}: every EKS cluster sends its {@code audit} and {@code authenticator}
 * control-plane logs to CloudWatch Logs. A cluster being deleted, or whose creation failed, has no
 * control plane to log and is NOT_APPLICABLE.
 */
public final class EksAuditLogs implements Check, Routed {
    public static final String ID = "eks-audit-logs";

    /** The control-plane log types an investigation of a cluster cannot do without. */
    static final List<String> REQUIRED = List.of("audit", "authenticator");

    private static final Set<String> NO_CONTROL_PLANE = Set.of("DELETING", "FAILED");

    /** EKS cluster: name or ARN → {@code arn:aws:eks:<region>:<account>:cluster/<name>}. */
    public static final ResourceKind EKS_CLUSTER = ResourceKind.judged("EKS_CLUSTER", "AWS::EKS::Cluster",
            (v, region, account) -> {
                if (ResourceIds.isArn(v)) {
                    return v.contains(":eks:") && v.contains(":cluster/") ? v : null;
                }
                return v.contains("/") || v.contains(":") ? null
                        : ResourceIds.arn("eks", region, account, "cluster/" + v);
            });

    /** CreateCluster and UpdateClusterConfig name the cluster in {@code name} (the URI's path parameter). */
    private static final Extractor CLUSTER_NAME = new Extractor(EKS_CLUSTER, "/requestParameters/name");

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Every EKS cluster logs its Kubernetes API audit and authenticator events",
            Severity.HIGH,
            "eks",
            "AWS::EKS::Cluster",
            Granularity.RESOURCE,
            "The Kubernetes audit log is the only record of who ran kubectl exec into a pod, read a Secret, created "
                    + "a privileged pod or changed RBAC; the authenticator log ties each Kubernetes user to the IAM "
                    + "principal behind it. EKS keeps neither unless control-plane logging sends them to CloudWatch "
                    + "Logs, and CloudTrail sees none of these in-cluster actions.",
            new Remediation(
                    "EKS console → Clusters → (cluster) → Observability → Control plane logging → Manage logging → "
                            + "turn on Audit and Authenticator → Save changes.",
                    "aws eks update-cluster-config --name <cluster> --region <region> --logging "
                            + "'{\"clusterLogging\":[{\"types\":[\"audit\",\"authenticator\"],\"enabled\":true}]}'"),
            List.of(EksCollector.LIST_CLUSTERS, EksCollector.DESCRIBE_CLUSTER),
            new References(List.of(), List.of("EKS.8"), List.of(), List.of("T1562.008", "T1609", "T1613")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA, EKS_CLUSTER)
            .on("aws.eks", "UpdateClusterConfig").naming(CLUSTER_NAME).disablesEvidence().delayedRecheck()
                    .because("update-cluster-config turns control-plane log types on or off; EKS applies it as an "
                            + "asynchronous update")
            .on("aws.eks", "CreateCluster").naming(CLUSTER_NAME).delayedRecheck()
                    .because("a new cluster is judged; its logging is set at creation")
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
        return EachResource.judge(ctx, ctx.service(EksInventory.class).clusters(), EksCluster::arn,
                cluster -> judge(ctx, cluster));
    }

    private static Finding judge(CheckContext ctx, EksCluster cluster) {
        if (NO_CONTROL_PLANE.contains(cluster.status())) {
            return ctx.notApplicable(cluster.arn(), "EKS cluster " + cluster.name() + " is "
                    + cluster.status() + ": it has no control plane to log.");
        }
        List<String> missing = REQUIRED.stream().filter(t -> !cluster.loggedTypes().contains(t)).toList();
        if (missing.isEmpty()) {
            return ctx.pass(cluster.arn(), "EKS cluster " + cluster.name()
                    + " sends its audit and authenticator logs to CloudWatch Logs.");
        }
        return ctx.fail(cluster.arn(), "EKS cluster " + cluster.name() + " does not log "
                + String.join(", ", missing) + ": kubectl actions and the IAM principals behind them leave "
                + "no record. Enable them (aws eks update-cluster-config --name " + cluster.name()
                + " --logging '{\"clusterLogging\":[{\"types\":[\"audit\",\"authenticator\"],"
                + "\"enabled\":true}]}').");
    }
}
