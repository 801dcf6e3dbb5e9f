package io.irready.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything about a check except its logic: the registry generates the IAM policy, the
 * EventBridge rules' reasons and {@code docs/CHECKS.md} from these records.
 *
 * @param id           stable public id (users filter, suppress and query by it)
 * @param title        one line, what passes
 * @param severity     what an investigation loses when it fails
 * @param service      AWS service the check looks at (e.g. {@code cloudtrail})
 * @param resourceType CloudFormation-style type of the judged resource (e.g. {@code AWS::CloudTrail::Trail})
 * @param granularity  what one finding is about
 * @param rationale    why it matters for an investigation
 * @param remediation  how to fix it
 * @param permissions  IAM actions the check's collectors call (read-only)
 * @param references   framework mappings (CIS, Security Hub, Stratus Red Team, MITRE ATT&CK)
 */
public record CheckMetadata(
        String id,
        String title,
        Severity severity,
        String service,
        String resourceType,
        Granularity granularity,
        String rationale,
        Remediation remediation,
        List<String> permissions,
        References references) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id must be kebab-case: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(remediation, "remediation");
        permissions = List.copyOf(permissions);
        for (String action : permissions) {
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException(id + ": not an IAM action: " + action);
            }
        }
        references = references == null ? References.NONE : references;
    }

    /** How to fix a failing check: console steps and a CLI command. */
    public record Remediation(String console, String cli) {
        public Remediation {
            Objects.requireNonNull(console, "console");
            Objects.requireNonNull(cli, "cli");
        }
    }

    /**
     * Framework mappings, kept beside the check rather than inside its logic.
     *
     * @param cis            CIS AWS Foundations Benchmark controls, versioned
     *                       (e.g. {@code CIS AWS Foundations v4.0.0 3.1})
     * @param securityHub    AWS Security Hub control ids (e.g. {@code CloudTrail.1})
     * @param stratusRedTeam Stratus Red Team attack techniques the check detects
     * @param attack         MITRE ATT&CK technique ids whose evidence the check protects or whose
     *                       defense evasion it detects (e.g. {@code T1562.008})
     */
    public record References(List<String> cis, List<String> securityHub, List<String> stratusRedTeam,
                             List<String> attack) {
        public static final References NONE = new References(List.of(), List.of(), List.of(), List.of());

        private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

        public References {
            cis = List.copyOf(cis);
            securityHub = List.copyOf(securityHub);
            stratusRedTeam = List.copyOf(stratusRedTeam);
            attack = List.copyOf(attack);
            for (String technique : attack) {
                if (!TECHNIQUE.matcher(technique).matches()) {
                    throw new IllegalArgumentException("not an ATT&CK technique id (T1234 or T1234.001): " + technique);
                }
            }
        }

        /** Without ATT&CK techniques. */
        public References(List<String> cis, List<String> securityHub, List<String> stratusRedTeam) {
            this(cis, securityHub, stratusRedTeam, List.of());
        }
    }
}
