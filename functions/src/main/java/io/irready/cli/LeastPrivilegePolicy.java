package io.irready.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.cli.format.Json;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;

/**
 * The IAM policy {@code irready scan} needs: the sorted union of the selected checks' read-only
 * actions (from the registry, the single source of truth), plus what the scan itself calls.
 */
public final class LeastPrivilegePolicy {
    /** Who am I ({@code sts:GetCallerIdentity}) and which regions are enabled ({@code --all-regions}). */
    public static final List<String> SCAN_ACTIONS = List.of(
            "sts:GetCallerIdentity", "ec2:DescribeRegions");

    private LeastPrivilegePolicy() {
    }

    public static SortedSet<String> actions(Collection<? extends Check> checks) {
        SortedSet<String> actions = CheckRegistry.permissions(checks);
        actions.addAll(SCAN_ACTIONS);
        return actions;
    }

    /** A policy document: {@code Version 2012-10-17}, one Allow statement on {@code Resource "*"}. */
    public static ObjectNode document(Collection<? extends Check> checks) {
        ObjectNode policy = Json.object();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", "IrreadyReadOnlyAudit");
        statement.put("Effect", "Allow");
        statement.set("Action", Json.strings(actions(checks)));
        // the read-only Describe/List/Get actions the checks use do not support resource-level scoping
        statement.put("Resource", "*");
        return policy;
    }
}
