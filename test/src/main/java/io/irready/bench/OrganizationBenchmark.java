package io.irready.bench;

import io.irready.demo.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./bench.sh --organization [--quick]}: the organization sweep of docs/BENCHMARKS.md — 100 accounts ×
 * 3 regions through the handlers the Step Functions state machine calls, 10 items at a time — and the
 * monthly cost of running it for 100 and 1 000 accounts ({@link OrganizationCost}). Writes its own generated
 * block of {@code docs/BENCHMARKS.md}, so that it can be re-run without the rest of the suite.
 */
public final class OrganizationBenchmark {
    static final String BEGIN = "<!-- BEGIN GENERATED organization sweep by ./bench.sh --organization: do not edit by hand -->";
    static final String END = "<!-- END GENERATED organization sweep -->";
    static final int ACCOUNTS = 100;
    static final int PARALLEL = 10;

    private OrganizationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path root = Path.of("").toAbsolutePath();
        Path out = root.resolve("docs/BENCHMARKS.md");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            }
        }
        List<OrganizationSweep.Figures> runs = new ArrayList<>();
        Instant started = Instant.now();
        try (LocalDynamo dynamo = LocalDynamo.start(root, "irready-org-bench")) {
            // the same critical sweep at two sizes: calls per account-region must not grow with the organization
            runs.add(OrganizationSweep.run(dynamo.client(), dynamo.tableName(), 10, "critical", PARALLEL));
            runs.add(OrganizationSweep.run(dynamo.client(), dynamo.tableName(), ACCOUNTS, "critical", PARALLEL));
            runs.add(OrganizationSweep.run(dynamo.client(), dynamo.tableName(), quick ? 10 : ACCOUNTS, "full",
                    PARALLEL));
        }
        String md = markdown(runs, started, quick) + "\n" + OrganizationCost.markdown(runs.get(1), runs.get(2));
        write(out, md);
        System.out.println("wrote the organization sweep section of " + out);
    }

    static String markdown(List<OrganizationSweep.Figures> runs, Instant started, boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append("### Organization sweep (Step Functions Distributed Map, on the simulator)\n\n");
        md.append("Measured ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" with `./bench.sh --organization")
                .append(quick ? " --quick" : "").append("` (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, a shared machine). One JVM plays one warm sweep-function container: the plan function, ")
                .append("then every (account, region) item through `SweepHandler`, ").append(PARALLEL)
                .append(" at a time (the map's MaxConcurrency); members are read through `IrreadyAuditRole`. Regions ")
                .append(String.join(", ", OrganizationSweep.REGIONS)).append(". Findings go to dynalite. Memory is ")
                .append("the whole process (engine, simulator and its 100 accounts' state).\n\n");
        md.append("| mode | accounts | items | wall time | item median | AWS calls per member account-region (min–max) "
                + "| calls by the central account | sts:AssumeRole | Organizations calls | findings | peak heap used | peak RSS |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (OrganizationSweep.Figures f : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f s | %d ms | %d–%d | %d | %d | %d | %d | %d MB | %d MB |%n",
                    f.mode(), f.accounts(), f.items(), f.wallMillis() / 1000.0, f.itemMillisMedian(),
                    f.minCallsPerMemberItem(), f.maxCallsPerMemberItem(), f.managementCalls(), f.assumeRoleCalls(),
                    f.organizationsCalls(), f.findings(), f.peakHeapMb(), f.peakRssMb()));
        }
        md.append("\nCalls per member account-region are the same at 10 and 100 accounts: an item reads its own account ")
                .append("and region only. STS is asked once per member account per container (the role session is ")
                .append("reused by the account's other regions and by the event path); `OrganizationSweepGuardTest` ")
                .append("guards both counts. The central account's calls are its own items plus one AssumeRole per member, ")
                .append("the plan's `ListAccounts` pages (20 accounts a page) and, in the full sweep, the ")
                .append("`organization-coverage` check's listing; that check keeps role sessions of its own (once per ")
                .append("member per container too), hence twice the AssumeRole calls in the full row.\n");
        return md.toString();
    }

    /** Replaces the organization block of {@code file} (appended after the main generated block the first time). */
    static void write(Path file, String generated) throws Exception {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String block = BEGIN + "\n\n" + generated.strip() + "\n\n" + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            updated = text.substring(0, begin) + block + text.substring(end + END.length());
        } else {
            int mainEnd = text.indexOf(Benchmarks.END);
            int at = mainEnd < 0 ? text.length() : mainEnd + Benchmarks.END.length();
            updated = text.substring(0, at) + "\n\n" + block + "\n" + text.substring(at);
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
