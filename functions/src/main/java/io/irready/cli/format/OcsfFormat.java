package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.securityhub.AsffFinding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OCSF 1.1 Compliance Finding events (class 2003, category Findings), one per finding, as a JSON
 * array for data lakes: the check is the compliance control and the verdict its status. A scan
 * reports what it saw, so every event is activity Create; irready's finding key is the stable
 * {@code finding_info.uid} (the same as the ASFF id, so the two formats join).
 */
public final class OcsfFormat implements ReportFormat {
    public static final String OCSF_VERSION = "1.1.0";
    public static final int CLASS_UID = 2003;
    public static final int CATEGORY_UID = 2;
    public static final int ACTIVITY_CREATE = 1;

    @Override
    public void write(ScanReport report, PrintWriter out) {
        out.println(Json.write(toJson(report)));
    }

    public static ArrayNode toJson(ScanReport report) {
        Map<String, CheckMetadata> checks = report.checks().stream()
                .collect(Collectors.toMap(CheckMetadata::id, Function.identity(), (a, b) -> a));
        ArrayNode events = Json.array();
        report.findings().forEach(f -> events.add(event(f, checks.get(f.checkId()), report.toolVersion())));
        return events;
    }

    static ObjectNode event(Finding f, CheckMetadata check, String toolVersion) {
        ObjectNode e = Json.object();
        e.put("class_uid", CLASS_UID);
        e.put("class_name", "Compliance Finding");
        e.put("category_uid", CATEGORY_UID);
        e.put("category_name", "Findings");
        e.put("activity_id", ACTIVITY_CREATE);
        e.put("activity_name", "Create");
        e.put("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        e.put("severity_id", severityId(f.severity()));
        e.put("severity", title(f.severity().name()));
        boolean open = f.status().isOpen();
        e.put("status_id", open ? 1 : 4);
        e.put("status", open ? "New" : "Resolved");
        e.put("time", f.observedAt().toEpochMilli());
        e.put("message", f.reason());

        ObjectNode metadata = e.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        ObjectNode product = metadata.putObject("product");
        product.put("name", "irready");
        product.put("vendor_name", "irready");
        product.put("version", toolVersion);

        ObjectNode compliance = e.putObject("compliance");
        compliance.put("control", f.checkId());
        compliance.set("standards", Json.strings(check == null ? List.of("irready")
                : Stream.concat(Stream.of("irready"),
                        check.references().cis().stream().map(c -> "CIS " + c)).toList()));
        compliance.put("status_id", complianceStatusId(f.status()));
        compliance.put("status", complianceStatus(f.status()));
        compliance.put("status_detail", f.reason());

        ObjectNode info = e.putObject("finding_info");
        info.put("uid", AsffFinding.id(AsffFinding.Subject.of(f)));
        info.put("title", check == null ? f.checkId() : check.title());
        info.put("desc", f.reason());
        info.put("created_time", f.observedAt().toEpochMilli());
        info.set("types", Json.strings(List.of(AsffFinding.TYPE)));

        ObjectNode cloud = e.putObject("cloud");
        cloud.put("provider", "AWS");
        cloud.putObject("account").put("uid", f.account());
        cloud.put("region", f.region());

        ObjectNode resource = e.putArray("resources").addObject();
        boolean arn = ResourceIds.isArn(f.resourceId());
        resource.put("uid", arn ? f.resourceId() : f.account());
        resource.put("type", arn && check != null ? check.resourceType() : "AWS::::Account");
        resource.put("region", f.region());

        if (check != null) {
            ObjectNode remediation = e.putObject("remediation");
            remediation.put("desc", check.remediation().console() + " CLI: " + check.remediation().cli());
        }
        e.putObject("unmapped").put("irready_status", f.status().name());
        return e;
    }

    /** OCSF: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
    static int severityId(Severity severity) {
        return switch (severity) {
            case INFORMATIONAL -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    /** OCSF compliance: 1 Pass, 2 Warning, 3 Fail, 99 Other (not applicable). */
    static int complianceStatusId(Status status) {
        return switch (status) {
            case PASS -> 1;
            case ERROR -> 2;
            case FAIL -> 3;
            case NOT_APPLICABLE -> 99;
        };
    }

    static String complianceStatus(Status status) {
        return switch (status) {
            case PASS -> "Pass";
            case ERROR -> "Warning";
            case FAIL -> "Fail";
            case NOT_APPLICABLE -> "Not Applicable";
        };
    }

    private static String title(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
