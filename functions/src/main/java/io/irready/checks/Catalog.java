package io.irready.checks;

import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import java.util.List;

/** Every check irready ships, in the order the catalog (docs/CHECKS.md) lists them. */
public final class Catalog {
    private Catalog() {
    }

    public static List<Check> all() {
        return List.of(
                new io.irready.checks.ec2.VpcFlowLogsEnabled(),
                new io.irready.checks.ec2.Ec2SsmManaged(),
                new io.irready.checks.ec2.Ec2CloudWatchAgent()
        );
    }

    public static CheckRegistry registry() {
        return new CheckRegistry(all());
    }
}
