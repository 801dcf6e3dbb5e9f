package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import io.irready.core.Granularity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docs/CHECKS.md}: the catalog as the registry defines it. The file is generated, never
 * edited by hand; {@code DocsAreCurrentTest} fails when the committed copy is stale.
 */
public final class CatalogMarkdown implements CatalogFormat {
    public static final String REGENERATE = "./irready checks --format md > docs/CHECKS.md";

    @Override
    public void write(List<CheckMetadata> checks, PrintWriter out) {
        out.print(render(checks));
        out.flush();
    }

    /** The whole document, with {@code \n} line ends. */
    public static String render(List<CheckMetadata> checks) {
        StringBuilder md = new StringBuilder();
        md.append("# irready checks\n\n");
        md.append("<!-- Generated from the check registry by `").append(REGENERATE)
                .append("`. Do not edit: a test fails when this file is stale. -->\n\n");
        md.append("Check ids are public: `irready scan --checks`, `--disable` and `--suppress id:pattern` take them, ")
                .append("and findings are stored and queried by them. Each finding names its resource by ARN, or by ")
                .append("`<account>/<region>` when the check judges a whole account and region.\n\n");
        if (checks.isEmpty()) {
            md.append("No checks are registered in this build yet.\n");
            return md.toString();
        }
        md.append("| id | severity | one finding per | passes when |\n|---|---|---|---|\n");
        for (CheckMetadata c : checks) {
            md.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ").append(c.severity())
                    .append(" | ").append(CatalogFormat.findingPer(c)).append(" | ").append(cell(c.title()))
                    .append(" |\n");
        }
        for (CheckMetadata c : checks) {
            md.append("\n## ").append(c.id()).append("\n\n");
            md.append(c.title()).append("\n\n");
            md.append("- **Severity:** ").append(c.severity()).append("\n");
            md.append("- **Service:** ").append(c.service()).append("\n");
            md.append("- **Resource type:** `").append(c.resourceType()).append("`\n");
            md.append("- **One finding per:** ").append(c.granularity() == Granularity.ACCOUNT_REGION
                    ? "account and region (resource id `<account>/<region>`)"
                    : "resource (resource id: its ARN)").append("\n");
            md.append("- **IAM permissions:** ").append(c.permissions().isEmpty() ? "none"
                    : String.join(", ", c.permissions().stream().map(p -> "`" + p + "`").toList())).append("\n");
            for (String reference : references(c)) {
                md.append("- ").append(reference).append("\n");
            }
            md.append("\n**Why it matters for an investigation.** ").append(c.rationale()).append("\n\n");
            md.append("**Remediation (console).** ").append(c.remediation().console()).append("\n\n");
            md.append("**Remediation (CLI).**\n\n```sh\n").append(c.remediation().cli()).append("\n```\n");
        }
        return md.toString();
    }

    private static List<String> references(CheckMetadata c) {
        List<String> refs = new ArrayList<>();
        if (!c.references().cis().isEmpty()) {
            refs.add("**CIS:** " + String.join(", ", c.references().cis()));
        }
        if (!c.references().securityHub().isEmpty()) {
            refs.add("**Security Hub controls:** " + String.join(", ", c.references().securityHub()));
        }
        if (!c.references().stratusRedTeam().isEmpty()) {
            refs.add("**Stratus Red Team techniques:** " + String.join(", ", c.references().stratusRedTeam().stream()
                    .map(t -> "`" + t + "`").toList()));
        }
        if (!c.references().attack().isEmpty()) {
            refs.add("**MITRE ATT&CK techniques:** " + String.join(", ", c.references().attack().stream()
                    .map(t -> "[" + t + "](" + attackUrl(t) + ")").toList()));
        }
        return refs;
    }

    /** {@code T1562.008} → {@code https://attack.mitre.org/techniques/T1562/008/}. */
    static String attackUrl(String technique) {
        return "https://attack.mitre.org/techniques/" + technique.replace('.', '/') + "/";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
