package io.irready.cli;

import io.irready.checks.Catalog;
import io.irready.checks.organizations.OrganizationCoverage;
import io.irready.cli.format.NothingInScope;
import io.irready.cli.format.ReportFormat;
import io.irready.cli.format.ScanReport;
import io.irready.cli.format.TableFormat;
import io.irready.cli.format.Text;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckMetadata;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.ResourceIds;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.organization.OrganizationScore;
import io.irready.store.ReadinessScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code irready scan --accounts …} / {@code --organization}: the same evaluation as a single-account scan,
 * once per account, each with the audit role assumed there (the home account with the caller's own
 * credentials). Accounts run a few at a time; within one, regions run in turn. An account whose role
 * cannot be assumed gets one {@code organization-coverage} ERROR, so it can never pass by being skipped.
 *
 * @param names the accounts' names where Organizations gave them (table headers only)
 */
record AccountsScan(Cli cli, AuditRoles roles, List<String> accounts, Map<String, String> names,
                    List<String> regions, List<Check> selected, Evaluator evaluator, int parallel,
                    ReportFormat.Kind format, boolean progress) {

    /**
     * What a scan of the accounts found: every finding, each tagged with its account id, and the checks
     * that found nothing to judge in an account's region.
     */
    record Scanned(List<Finding> findings, List<NothingInScope> nothingInScope) {
    }

    /** Evaluates every account. */
    Scanned evaluate() throws InterruptedException {
        List<String> ids = selected.stream().map(Check::id).filter(id -> !OrganizationCoverage.ID.equals(id)).toList();
        boolean coverageSelected = selected.stream().anyMatch(c -> OrganizationCoverage.ID.equals(c.id()));
        AtomicInteger done = new AtomicInteger();
        List<Finding> findings = new ArrayList<>();
        List<NothingInScope> nothingInScope = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, accounts.size()))) {
            List<Future<Scanned>> perAccount = accounts.stream().map(account -> pool.submit(() -> {
                Scanned found = evaluate(account, ids, coverageSelected);
                if (progress) {
                    report(done.incrementAndGet(), account, found.findings());
                }
                return found;
            })).toList();
            for (Future<Scanned> f : perAccount) {
                findings.addAll(f.get().findings());
                nothingInScope.addAll(f.get().nothingInScope());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed unexpectedly", e.getCause());
        }
        return new Scanned(findings, nothingInScope);
    }

    private Scanned evaluate(String account, List<String> ids, boolean coverageSelected) {
        String home = regions.get(0);
        String resourceId = ResourceIds.accountRegion(account, home);
        AwsClients clients;
        try {
            clients = roles.clientsFor(account);
        } catch (AwsCallFailedException e) {
            return new Scanned(List.of(coverage(account, home, resourceId, Status.ERROR, "irready cannot audit account "
                    + named(account) + ": " + roles.unavailable(account, e))), List.of());
        }
        List<Finding> findings = new ArrayList<>();
        if (coverageSelected) {
            findings.add(coverage(account, home, resourceId, Status.PASS, "irready can audit account "
                    + named(account) + " through " + (account.equals(roles.homeAccount()) ? "its own credentials"
                    : roles.roleArn(account)) + "."));
        }
        List<NothingInScope> nothingInScope = new ArrayList<>();
        AwsInventoryFactory inventories = Catalog.inventories(clients);
        for (String region : regions) {
            Evaluation evaluation = evaluator.evaluate(inventories.create(account, region), ids, Scope.REGION);
            findings.addAll(evaluation.findings());
            evaluation.checksWithNothingInScope()
                    .forEach(id -> nothingInScope.add(new NothingInScope(id, account, region)));
        }
        return new Scanned(findings, nothingInScope);
    }

    private Finding coverage(String account, String region, String resourceId, Status status, String reason) {
        CheckMetadata check = new OrganizationCoverage().metadata();
        Severity severity = check.severity();
        return new Finding(check.id(), severity, account, region, resourceId, status, reason, cli.clock().instant());
    }

    private String named(String account) {
        String name = names.getOrDefault(account, "");
        return name.isEmpty() ? account : account + " (" + name + ")";
    }

    private synchronized void report(int n, String account, List<Finding> found) {
        cli.err().println("irready: [" + n + "/" + accounts.size() + "] " + Text.clean(named(account)) + ": "
                + found.size() + " findings, " + count(found, Status.FAIL) + " FAIL, " + count(found, Status.ERROR)
                + " ERROR");
    }

    /** Writes the report (the table grouped by account) and the per-account and overall scores on stderr. */
    void write(Scanned scanned, Instant startedAt, String version) {
        List<Finding> findings = scanned.findings();
        List<CheckMetadata> checks = selected.stream().map(Check::metadata).toList();
        if (format == ReportFormat.Kind.TABLE) {
            for (String account : accounts) {
                new TableFormat().write(new ScanReport(version, named(account), regions, startedAt, checks,
                        of(findings, account), scanned.nothingInScope().stream()
                        .filter(n -> n.account().equals(account)).toList()), cli.out());
                cli.out().println();
            }
        } else {
            ReportFormat.of(format).write(new ScanReport(version, String.join(",", accounts), regions, startedAt,
                    checks, findings, scanned.nothingInScope()), cli.out());
        }
        cli.out().flush();
        String where = Text.clean(String.join(", ", regions));
        List<OrganizationScore.AccountScore> scores = new ArrayList<>();
        for (String account : accounts) {
            ReadinessScore score = ReadinessScore.ofFindings(of(findings, account));
            scores.add(new OrganizationScore.AccountScore(account, names.getOrDefault(account, ""), score));
            cli.err().println("irready: " + score.summary(Text.clean(named(account)), where));
        }
        cli.err().println("irready: " + ReadinessScore.ofFindings(findings)
                .summary(accounts.size() + " accounts", where));
        cli.err().println("irready: " + Text.clean(OrganizationScore.of(scores).summary()));
    }

    private static List<Finding> of(List<Finding> findings, String account) {
        return findings.stream().filter(f -> f.account().equals(account)).toList();
    }

    private static long count(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
