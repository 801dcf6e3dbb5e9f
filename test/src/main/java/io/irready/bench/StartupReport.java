package io.irready.bench;

import io.irready.bench.Benchmarks.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The side-by-side part of docs/BENCHMARKS.md: {@code irready scan} of the seeded moto account,
 * whole process, started each way the launcher can start it ({@link ScanStartup}), beside the
 * recorded reference figures it is compared with. Fails when two ways of starting give different
 * verdicts: a faster start must not change an answer.
 */
final class StartupReport {
    /** Recorded before this work (same account shape, same machine type); kept for comparison. */
    static final String REFERENCE = "| Node.js scanner (recorded reference, same moto-emulated account) | **2100 ms** "
            + "| | | | | | |\n"
            + "| `irready scan` before the start-up work (recorded: `./irready`, no cache) | **4700 ms** | | | 2800 ms "
            + "| | | |";

    private final Path root;
    private final int runs;
    private final Consumer<String> line;
    private final Map<String, Double> figures;

    StartupReport(Path root, int runs, Consumer<String> line, Map<String, Double> figures) {
        this.root = root;
        this.runs = runs;
        this.line = line;
        this.figures = figures;
    }

    void write() throws Exception {
        Map<String, List<ScanStartup.Run>> results = new LinkedHashMap<>();
        Map<String, ScanStartup.Run> training = new LinkedHashMap<>();
        Map<String, String> verdicts = null;
        try (ScanStartup bench = new ScanStartup(root)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<ScanStartup.Variant> variants = List.of(
                    bench.plainJava("`java -jar`, JVM defaults (G1, C1+C2), no cache", java,
                            root.resolve("functions/target/irready.jar")),
                    bench.launcher("`./irready`, serial GC + C1 only, no cache", "off"),
                    bench.launcher("`./irready` + class-data-sharing archive (dynamic AppCDS)", "cds"),
                    bench.launcher("`./irready` + AOT cache (JDK 25, JEP 483/515) — the default on JDK 25", "on"));
            for (ScanStartup.Variant variant : variants) {
                bench.clearCaches();
                ScanStartup.Run first = bench.run(variant); // trains the cache where there is one; warms the OS cache
                if (!variant.env().getOrDefault("IRREADY_JVM_CACHE", "off").equals("off")) {
                    training.put(variant.label(), first);
                    bench.awaitCache();
                }
                List<ScanStartup.Run> measured = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    ScanStartup.Run run = bench.run(variant);
                    if (verdicts == null) {
                        verdicts = run.verdicts();
                    } else if (!verdicts.equals(run.verdicts())) {
                        throw new IllegalStateException(variant.label() + " changed verdicts: " + run.verdicts()
                                + " instead of " + verdicts);
                    }
                    measured.add(run);
                }
                results.put(variant.label(), measured);
            }
        }
        table(results, training, verdicts);
    }

    private void table(Map<String, List<ScanStartup.Run>> results, Map<String, ScanStartup.Run> training,
                       Map<String, String> verdicts) {
        line.accept("`irready scan --region eu-west-1 --format json` of a `moto_server` account seeded by "
                + "`io.irready.moto.MotoAccountSeed` (two trails, one stopped; five buckets; three VPCs besides the "
                + "default, flow logs to Logs, to S3 and none; three instances; two DB instances; two functions; "
                + "five log groups; two CloudFront distributions; a GuardDuty detector), whole process as a user "
                + "runs it, through a counting proxy in front of moto (`CountingProxy`). " + runs + " measured runs "
                + "per row after one unmeasured one (which trains the cache where there is one). *First call*: from "
                + "launching the process to the first AWS request the proxy sees (`sts:GetCallerIdentity`). *CPU*: "
                + "user + system time of the process, steadier than wall time on a loaded machine.");
        line.accept("");
        line.accept("| how it starts | wall, median | min | max | first call, median | CPU, median | peak RSS | requests |");
        line.accept("|---|---|---|---|---|---|---|---|");
        line.accept(REFERENCE);
        results.forEach((label, runs) -> {
            Stats wall = stats(runs, ScanStartup.Run::wallMs);
            Stats first = stats(runs, ScanStartup.Run::firstCallMs);
            Stats cpu = stats(runs, ScanStartup.Run::cpuMs);
            Stats rss = stats(runs, ScanStartup.Run::peakRssMiB);
            line.accept("| " + label + " | **" + Benchmarks.ms(wall.median()) + "** | " + Benchmarks.ms(wall.min())
                    + " | " + Benchmarks.ms(wall.max()) + " | " + Benchmarks.ms(first.median()) + " | "
                    + Benchmarks.ms(cpu.median()) + " | " + String.format(Locale.ROOT, "%.0f MiB", rss.median())
                    + " | " + runs.get(0).requests() + " |");
            String key = label.contains("AOT") ? "aot" : label.contains("class-data") ? "cds"
                    : label.contains("java -jar") ? "plain" : "launcher";
            figures.put("scan." + key + ".wall.p50", wall.median());
            figures.put("scan." + key + ".first.p50", first.median());
        });
        line.accept("");
        training.forEach((label, run) -> line.accept("- Training scan of " + label + ": " + Benchmarks.ms(run.wallMs())
                + " wall, " + Benchmarks.ms(run.cpuMs()) + " CPU, once per build of the jar (on JDK 25 the cache is then "
                + "assembled by a background process, not counted here)."));
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        verdicts.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
        line.accept("- Every run gave the same " + verdicts.size() + " verdicts: " + byStatus + ".");
    }

    private static Stats stats(List<ScanStartup.Run> runs, Function<ScanStartup.Run, Double> figure) {
        return Stats.of(runs.stream().map(figure).toList());
    }
}
