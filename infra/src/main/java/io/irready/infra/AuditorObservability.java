package io.irready.infra;

import io.irready.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.IFilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilterOptions;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * How irready watches itself: metrics from the sweep's log lines, alarms on its functions and dead-letter queues,
 * the dead man's switch on completed sweeps (all alerting on irready's own topic), and the dashboard. Built
 * directly in the auditor's scope, not in a child construct, so the logical ids stay those of deployed stacks.
 */
final class AuditorObservability {
    private final Dashboard dashboard;

    AuditorObservability(Construct auditor, ReadinessAuditorProps props, AuditorNames names, AuditorStorage storage,
                         AuditorFunctions functions) {
        sweepMetrics(functions.sweepLogs());
        alarms(auditor, props, names, storage, functions);
        this.dashboard = dashboard(auditor, props, names, functions);
    }

    /**
     * The sweep function logs one JSON line per region it swept ({@code "message":"region swept"}, with
     * {@code region} and {@code score}); metric filters turn those into the readiness score per region and the
     * count of completed sweeps, with no API call from the function.
     */
    private static void sweepMetrics(LogGroup sweepLogs) {
        IFilterPattern regionSwept = FilterPattern.stringValue("$.message", "=",
                ReadinessAuditor.SWEEP_COMPLETED_MESSAGE);
        sweepLogs.addMetricFilter("ReadinessScoreFilter", MetricFilterOptions.builder()
                .filterPattern(regionSwept)
                .metricNamespace(ReadinessAuditor.METRIC_NAMESPACE).metricName("ReadinessScore")
                .metricValue("$.score")
                .dimensions(Map.of("Region", "$.region"))
                .build());
        sweepLogs.addMetricFilter("SweepsCompletedFilter", MetricFilterOptions.builder()
                .filterPattern(regionSwept)
                .metricNamespace(ReadinessAuditor.METRIC_NAMESPACE).metricName("SweepsCompleted")
                .metricValue("1")
                .build());
    }

    private static void alarms(Construct auditor, ReadinessAuditorProps props, AuditorNames names,
                               AuditorStorage storage, AuditorFunctions functions) {
        SnsAction notify = new SnsAction(storage.topic());
        for (Function fn : functions.all()) {
            String name = fn.getNode().getId();
            Alarm errors = Alarm.Builder.create(auditor, name + "Errors")
                    .alarmDescription("irready " + name + " failed: readiness may not be evaluated or alerted. "
                            + "Read the function's log group.")
                    .metric(fn.metricErrors(fiveMinutes()))
                    .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            errors.addAlarmAction(notify);
            Alarm throttles = Alarm.Builder.create(auditor, name + "Throttles")
                    .alarmDescription("irready " + name + " was throttled: events may be evaluated late or not at "
                            + "all. Check the account's Lambda concurrency.")
                    .metric(fn.metricThrottles(fiveMinutes()))
                    .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            throttles.addAlarmAction(notify);
        }
        for (Queue dlq : List.of(storage.deliveryDlq(), storage.invocationDlq(), storage.recheckDlq())) {
            String name = dlq.getNode().getId();
            // a fixed name: auditor-integrity reads this alarm, and the alarm-state rule matches it by name
            Alarm depth = Alarm.Builder.create(auditor, name + "NotEmpty")
                    .alarmName(names.deadLetterAlarm(name))
                    .alarmDescription("irready " + name + " holds messages: events or sweeps were dropped after "
                            + "retries. Inspect the messages, fix the cause, then redrive or purge the queue.")
                    .metric(dlq.metricApproximateNumberOfMessagesVisible(fiveMinutes()))
                    .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            depth.addAlarmAction(notify);
        }
        // Dead man's switch: the sweeps are the safety net for lost events (after StopLogging, EventBridge sees
        // nothing), so silence is itself an alert. It counts sweeps that completed a region (the sweep function's
        // "region swept" log line), so a handler that runs but fails every region trips it as well.
        Duration window = Duration.minutes(2L * props.criticalSweepMinutes());
        Alarm deadMan = Alarm.Builder.create(auditor, "NoSuccessfulSweep")
                .alarmDescription("irready has not completed a sweep in " + 2 * props.criticalSweepMinutes()
                        + " minutes (twice the critical-sweep schedule): readiness is not being evaluated. "
                        + "Check the sweep schedule rules and the sweep function's logs.")
                .metric(Metric.Builder.create().namespace(ReadinessAuditor.METRIC_NAMESPACE)
                        .metricName("SweepsCompleted").statistic("Sum").period(window).build())
                .threshold(1).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(1).treatMissingData(TreatMissingData.BREACHING)
                .build();
        deadMan.addAlarmAction(notify);
        deadMan.addOkAction(notify);
    }

    private static Dashboard dashboard(Construct auditor, ReadinessAuditorProps props, AuditorNames names,
                                       AuditorFunctions functions) {
        String homeRegion = Stack.of(auditor).getRegion();
        List<IMetric> score = new ArrayList<>();
        for (String region : props.sweepRegions(homeRegion)) {
            score.add(emf("ReadinessScore", Map.of("Region", region), "Average", region));
        }
        List<IMetric> failing = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            failing.add(emf("FailingFindings", Map.of("Severity", severity.name()), "Maximum", severity.name()));
        }
        List<IMetric> canaryDelay = new ArrayList<>();
        for (String region : props.sweepRegions(homeRegion)) {
            canaryDelay.add(emf("CanaryDelaySeconds", Map.of("Region", region), "Maximum", region));
        }
        Function eventFunction = functions.eventFunction();
        // dashboards are account-wide (not regional): the home region keeps two deployments apart
        return Dashboard.Builder.create(auditor, "Dashboard")
                .dashboardName(names.name(homeRegion))
                .widgets(List.of(
                        List.of(TextWidget.Builder.create()
                                .markdown("# irready\nReadiness score (0–100) per region, failing findings, events "
                                        + "and errors. Failing findings: DynamoDB index `open-findings`.")
                                .width(24).height(2).build()),
                        List.of(GraphWidget.Builder.create().title("Readiness score per region")
                                        .left(score).width(12).build(),
                                GraphWidget.Builder.create().title("Failing findings by severity")
                                        .left(failing).stacked(true).width(12).build()),
                        List.of(GraphWidget.Builder.create().title("Events processed")
                                        .left(List.of(
                                                emf("EventsReceived", Map.of("Function", "event"), "Sum", "Events received"),
                                                emf("EventsRouted", Map.of("Function", "event"), "Sum", "Events routed"),
                                                emf("TamperAttempts", Map.of("Function", "event"), "Sum", "Tamper attempts"),
                                                eventFunction.metricInvocations(fiveMinutes())))
                                        .width(12).build(),
                                GraphWidget.Builder.create().title("Evaluation and function errors")
                                        .left(List.of(
                                                emf("Errors", Map.of("Function", "event"), "Sum", "Event errors"),
                                                emf("Errors", Map.of("Function", "sweep"), "Sum", "Sweep errors"),
                                                emf("AlertsFailed", Map.of("Function", "event"), "Sum", "Alerts failed"),
                                                eventFunction.metricErrors(fiveMinutes()),
                                                functions.sweepFunction().metricErrors(fiveMinutes())))
                                        .width(12).build()),
                        // the canary's event: CloudTrail eventTime → receipt by the event function, per region; a
                        // region whose line stops is one irready no longer sees (auditor-integrity fails it)
                        List.of(GraphWidget.Builder.create()
                                .title("Pipeline canary: CloudTrail → irready delay (seconds) per region")
                                .left(canaryDelay)
                                .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                        .value(props.canaryMaxDelayMinutes() * 60).label("blind after").build()))
                                .width(24).build())))
                .build();
    }

    /** A metric the handlers emit in CloudWatch embedded metric format. */
    private static Metric emf(String name, Map<String, String> dimensions, String statistic, String label) {
        return Metric.Builder.create()
                .namespace(ReadinessAuditor.METRIC_NAMESPACE).metricName(name).dimensionsMap(dimensions)
                .statistic(statistic).period(Duration.minutes(5)).label(label)
                .build();
    }

    private static MetricOptions fiveMinutes() {
        return MetricOptions.builder().period(Duration.minutes(5)).build();
    }

    Dashboard dashboard() { return dashboard; }
}
