package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import java.io.PrintWriter;
import java.util.List;

/** The catalog in 80 columns: id, severity, and the title wrapped beneath. */
public final class CatalogTable implements CatalogFormat {
    @Override
    public void write(List<CheckMetadata> checks, PrintWriter out) {
        if (checks.isEmpty()) {
            out.println("No checks are registered in this build.");
            return;
        }
        int idWidth = Math.max(2, checks.stream().mapToInt(c -> c.id().length()).max().orElse(0)) + 2;
        out.println(Text.pad("ID", idWidth) + Text.pad("SEVERITY", 10) + "ONE FINDING PER");
        for (CheckMetadata check : checks) {
            out.println(Text.pad(check.id(), idWidth) + Text.pad(check.severity().name(), 10)
                    + CatalogFormat.findingPer(check));
            for (String line : Text.wrap(Text.clean(check.title()), TableFormat.WIDTH - 4)) {
                out.println("    " + line);
            }
        }
        out.println();
        out.println(checks.size() + " checks. Details: irready checks --format md (docs/CHECKS.md).");
    }
}
