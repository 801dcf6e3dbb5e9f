package io.irready.bench;

import java.util.Locale;

/**
 * The monthly cost, on paper, of an organization deployment's sweeps and event forwarding for 100 and 1 000
 * accounts, from the measured calls per item and item times of {@link OrganizationSweep}. The assumptions and
 * the us-east-1 list prices are printed with the table.
 */
final class OrganizationCost {
    static final int REGIONS = 3;
    static final double DAYS = 30;
    static final double CRITICAL_RUNS = DAYS * 24 * 12; // every 5 minutes
    static final double FULL_RUNS = DAYS * 24; // hourly
    static final double AWS_CALL_MS = 30; // in-region API latency, as the single-account model assumes
    static final double MEMORY_GB = 1.0;
    static final double EVENTS_PER_ACCOUNT_DAY = 300;
    static final double EVENT_MS = 250; // a warm routed event, as measured for StopLogging (section 2) rounded up
    // us-east-1 list prices
    static final double SFN_PER_TRANSITION = 0.025 / 1000;
    static final double LAMBDA_GB_S = 0.0000133334;
    static final double LAMBDA_REQUEST = 0.20 / 1_000_000;
    static final double EVENTBRIDGE_CROSS_ACCOUNT = 1.00 / 1_000_000;
    static final double DDB_WRITE = 0.625 / 1_000_000;
    static final double DDB_READ = 0.125 / 1_000_000;
    /** Parent execution: start, plan task, map state, end; per item: the child execution and its one task state. */
    static final int PARENT_TRANSITIONS = 4;
    static final int TRANSITIONS_PER_ITEM = 2;

    private OrganizationCost() {
    }

    record Month(double transitions, double sfn, double invocations, double gbSeconds, double lambda, double events,
                 double eventBridge, double writes, double reads, double dynamo) {
        double total() {
            return sfn + lambda + eventBridge + dynamo;
        }
    }

    static Month month(int accounts, OrganizationSweep.Figures critical, OrganizationSweep.Figures full) {
        double items = (double) accounts * REGIONS;
        double transitions = (CRITICAL_RUNS + FULL_RUNS) * (PARENT_TRANSITIONS + TRANSITIONS_PER_ITEM * items);
        double criticalMs = cpuMillisPerItem(critical) + AWS_CALL_MS * critical.maxCallsPerMemberItem();
        double fullMs = cpuMillisPerItem(full) + AWS_CALL_MS * full.maxCallsPerMemberItem();
        double events = accounts * EVENTS_PER_ACCOUNT_DAY * DAYS;
        double planMs = 1000; // one Organizations listing per run, generously
        double gbSeconds = MEMORY_GB / 1000 * (CRITICAL_RUNS * (items * criticalMs + planMs)
                + FULL_RUNS * (items * fullMs + planMs) + events * EVENT_MS);
        double invocations = (CRITICAL_RUNS + FULL_RUNS) * (items + 1) + events;
        // every finding written once per item (an upper bound) plus the score point; 2 reads per invocation
        double criticalFindings = (double) critical.findings() / critical.items();
        double fullFindings = (double) full.findings() / full.items();
        double writes = CRITICAL_RUNS * items * (criticalFindings + 1) + FULL_RUNS * items * (fullFindings + 1)
                + events * 8;
        double reads = 2 * invocations;
        return new Month(transitions, transitions * SFN_PER_TRANSITION, invocations, gbSeconds,
                gbSeconds * LAMBDA_GB_S + invocations * LAMBDA_REQUEST, events, events * EVENTBRIDGE_CROSS_ACCOUNT,
                writes, reads, writes * DDB_WRITE + reads * DDB_READ);
    }

    /**
     * What one item costs in CPU time on this machine: the sweep's wall time × the cores it had ÷ its items. An
     * upper bound for Lambda: the simulator's and dynalite's CPU are in it (in AWS they are not the function's),
     * and the median item time under {@code parallel} threads on a few cores measures waiting, not work.
     */
    static double cpuMillisPerItem(OrganizationSweep.Figures f) {
        return (double) f.wallMillis() * CORES / f.items();
    }

    static final int CORES = Runtime.getRuntime().availableProcessors();

    static String markdown(OrganizationSweep.Figures critical, OrganizationSweep.Figures full) {
        StringBuilder md = new StringBuilder("### Organization deployment: monthly cost on paper\n\n");
        md.append(String.format(Locale.ROOT, "From the measurements above, an item's Lambda duration is its CPU time here "
                        + "(wall time × %d cores ÷ items: %.0f ms critical, %.0f ms full, an upper bound that includes the "
                        + "simulator's and dynalite's work) plus %.0f ms per AWS call (%d critical, %d full; %d accounts "
                        + "measured in full mode). Step Functions is the largest line: two transitions per account-region "
                        + "every 5 minutes. An `ItemBatcher` (several account-regions per child execution) or Express "
                        + "child executions would divide it; see the assumptions below.%n%n", CORES,
                cpuMillisPerItem(critical), cpuMillisPerItem(full), AWS_CALL_MS, critical.maxCallsPerMemberItem(),
                full.maxCallsPerMemberItem(), full.accounts()));
        md.append("| accounts | Step Functions transitions | Step Functions | Lambda requests | Lambda GB-s | Lambda "
                + "| cross-account events | EventBridge | DynamoDB writes / reads | DynamoDB | **total** |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int accounts : new int[] {100, 1000}) {
            Month m = month(accounts, critical, full);
            md.append(String.format(Locale.ROOT, "| %,d | %,.0f | $%,.2f | %,.0f | %,.0f | $%,.2f | %,.0f | $%,.2f "
                            + "| %,.0f / %,.0f | $%,.2f | **$%,.2f** |%n", accounts, m.transitions(), m.sfn(),
                    m.invocations(), m.gbSeconds(), m.lambda(), m.events(), m.eventBridge(), m.writes(), m.reads(),
                    m.dynamo(), m.total()));
        }
        return md.toString();
    }
}
