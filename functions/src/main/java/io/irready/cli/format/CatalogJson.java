package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.CheckMetadata;
import java.io.PrintWriter;
import java.util.List;

/** The catalog as a JSON array of check metadata, field names as in {@link CheckMetadata}. */
public final class CatalogJson implements CatalogFormat {
    @Override
    public void write(List<CheckMetadata> checks, PrintWriter out) {
        ArrayNode array = Json.array();
        for (CheckMetadata c : checks) {
            ObjectNode node = array.addObject();
            node.put("id", c.id());
            node.put("title", c.title());
            node.put("severity", c.severity().name());
            node.put("service", c.service());
            node.put("resourceType", c.resourceType());
            node.put("granularity", c.granularity().name());
            node.put("rationale", c.rationale());
            ObjectNode remediation = node.putObject("remediation");
            remediation.put("console", c.remediation().console());
            remediation.put("cli", c.remediation().cli());
            node.set("permissions", Json.strings(c.permissions()));
            ObjectNode references = node.putObject("references");
            references.set("cis", Json.strings(c.references().cis()));
            references.set("securityHub", Json.strings(c.references().securityHub()));
            references.set("stratusRedTeam", Json.strings(c.references().stratusRedTeam()));
            references.set("attack", Json.strings(c.references().attack()));
        }
        out.println(Json.write(array));
    }
}
