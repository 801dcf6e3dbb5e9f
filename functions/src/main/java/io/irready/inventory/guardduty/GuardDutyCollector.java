package io.irready.inventory.guardduty;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.DataSourceConfigurationsResult;
import software.amazon.awssdk.services.guardduty.model.DetectorFeatureConfigurationResult;
import software.amazon.awssdk.services.guardduty.model.GetDetectorRequest;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsRequest;

/** Loads {@link GuardDutyInventory} over the SDK (REST-JSON: {@code GET /detector}, {@code GET /detector/{id}}). */
public final class GuardDutyCollector {
    public static final String LIST_DETECTORS = "guardduty:ListDetectors";
    public static final String GET_DETECTOR = "guardduty:GetDetector";
    /** Protection plan names as {@code GetDetector}'s {@code features} spell them. */
    public static final String S3_DATA_EVENTS = "S3_DATA_EVENTS";
    public static final String EKS_AUDIT_LOGS = "EKS_AUDIT_LOGS";

    private GuardDutyCollector() {
    }

    public static GuardDutyInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(GuardDutyClient::builder, region));
    }

    public static GuardDutyInventory inventory(GuardDutyClient client) {
        return new GuardDutyInventory(() -> {
            List<String> ids = AwsCall.call(LIST_DETECTORS, () -> client
                    .listDetectorsPaginator(ListDetectorsRequest.builder().build()).detectorIds().stream().toList());
            return ids.stream().map(id -> detector(id, AwsCall.call(GET_DETECTOR, () -> client
                    .getDetector(GetDetectorRequest.builder().detectorId(id).build())))).toList();
        });
    }

    /**
     * The detector's status and protection plans: from {@code features}, else (older detectors and
     * emulators) from the deprecated {@code dataSources}, which name only some of the plans.
     */
    static Detector detector(String id, GetDetectorResponse response) {
        Map<String, String> features = new LinkedHashMap<>();
        for (DetectorFeatureConfigurationResult feature : response.features()) {
            if (feature.nameAsString() != null && feature.statusAsString() != null) {
                features.put(feature.nameAsString(), feature.statusAsString());
            }
        }
        DataSourceConfigurationsResult sources = response.dataSources();
        if (features.isEmpty() && sources != null) {
            if (sources.s3Logs() != null && sources.s3Logs().statusAsString() != null) {
                features.put(S3_DATA_EVENTS, sources.s3Logs().statusAsString());
            }
            if (sources.kubernetes() != null && sources.kubernetes().auditLogs() != null
                    && sources.kubernetes().auditLogs().statusAsString() != null) {
                features.put(EKS_AUDIT_LOGS, sources.kubernetes().auditLogs().statusAsString());
            }
        }
        return new Detector(id, response.statusAsString(), features);
    }
}
