package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.core.Status;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A scan's findings grouped by the controls of one framework ({@code irready scan --compliance}):
 * each control lists the checks mapped to it and their findings, with the control's status. A
 * finding appears under every control its check maps to; checks mapped to no control of the
 * framework are kept apart as {@link #unmapped}, so nothing the scan found is hidden by the view.
 *
 * @param framework the framework grouped by
 * @param controls  one group per control any selected check maps to, in natural id order
 * @param unmapped  the checks mapped to no control of the framework and their findings
 */
public record Compliance(Framework framework, List<Control> controls, Control unmapped) {
    public static final String UNMAPPED = "unmapped";

    public Compliance {
        controls = List.copyOf(controls);
    }

    /** The {@code --compliance} values and where a check's metadata names their controls. */
    public enum Framework {
        CIS("CIS AWS Foundations Benchmark", "control", r -> r.cis()),
        ATTACK("MITRE ATT&CK", "technique", r -> r.attack());

        private final String title;
        private final String control;
        private final Function<CheckMetadata.References, List<String>> controls;

        Framework(String title, String control, Function<CheckMetadata.References, List<String>> controls) {
            this.title = title;
            this.control = control;
            this.controls = controls;
        }

        public String title() {
            return title;
        }

        /** What the framework calls one of its entries. */
        public String control() {
            return control;
        }

        public List<String> controls(CheckMetadata check) {
            return controls.apply(check.references());
        }

        /** The value as {@code --compliance} takes it and the JSON output names it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One control and what the scan found about it.
     *
     * @param id       the control id as the checks' metadata spells it (or {@link #UNMAPPED})
     * @param status   FAIL when any finding fails; else ERROR when any could not be evaluated;
     *                 else PASS when any passes; else NOT_APPLICABLE (nothing to judge)
     * @param checks   the ids of the selected checks mapped to it
     * @param findings their findings, most urgent first
     */
    public record Control(String id, Status status, List<String> checks, List<Finding> findings) {
        public Control {
            checks = List.copyOf(checks);
            findings = findings.stream().sorted(ScanReport.URGENCY).toList();
        }

        public long count(Status wanted) {
            return findings.stream().filter(f -> f.status() == wanted).count();
        }
    }

    /** Groups the report's findings by the controls of {@code framework}. */
    public static Compliance of(ScanReport report, Framework framework) {
        Map<String, Set<String>> checksByControl = new TreeMap<>(NATURAL);
        Set<String> unmappedChecks = new LinkedHashSet<>();
        for (CheckMetadata check : report.checks()) {
            List<String> controls = framework.controls(check);
            if (controls.isEmpty()) {
                unmappedChecks.add(check.id());
            }
            for (String control : controls) {
                checksByControl.computeIfAbsent(control, c -> new LinkedHashSet<>()).add(check.id());
            }
        }
        List<Control> groups = new ArrayList<>();
        checksByControl.forEach((control, checks) -> groups.add(group(control, checks, report.findings())));
        return new Compliance(framework, groups, group(UNMAPPED, unmappedChecks, report.findings()));
    }

    private static Control group(String id, Set<String> checks, List<Finding> all) {
        List<Finding> findings = all.stream().filter(f -> checks.contains(f.checkId())).toList();
        return new Control(id, status(findings), List.copyOf(checks), findings);
    }

    static Status status(List<Finding> findings) {
        for (Status status : List.of(Status.FAIL, Status.ERROR, Status.PASS)) {
            if (findings.stream().anyMatch(f -> f.status() == status)) {
                return status;
            }
        }
        return Status.NOT_APPLICABLE;
    }

    public long count(Status wanted) {
        return controls.stream().filter(c -> c.status() == wanted).count();
    }

    /**
     * Numbers compared as numbers, so {@code 3.9} sorts before {@code 3.10} and {@code v4.0.0}
     * after {@code v3.0.0}; everything else as text.
     */
    static final Comparator<String> NATURAL = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = i;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
                    endA++;
                }
                int endB = j;
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
                    endB++;
                }
                int byValue = new BigInteger(a.substring(i, endA))
                        .compareTo(new BigInteger(b.substring(j, endB)));
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
}
