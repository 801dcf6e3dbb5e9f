package io.irready.inventory.guardduty;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.GetDetectorRequest;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsRequest;

/** Loads {@link GuardDutyInventory} over the SDK (REST-JSON: {@code GET /detector}, {@code GET /detector/{id}}). */
public final class GuardDutyCollector {
    public static final String LIST_DETECTORS = "guardduty:ListDetectors";
    public static final String GET_DETECTOR = "guardduty:GetDetector";

    private GuardDutyCollector() {
    }

    public static GuardDutyInventory inventory(AwsClients clients, String region) {
        return inventory(clients.build(GuardDutyClient.builder(), region));
    }

    public static GuardDutyInventory inventory(GuardDutyClient client) {
        return new GuardDutyInventory(() -> {
            List<String> ids = AwsCall.call(LIST_DETECTORS, () -> client
                    .listDetectorsPaginator(ListDetectorsRequest.builder().build()).detectorIds().stream().toList());
            return ids.stream().map(id -> new Detector(id, AwsCall.call(GET_DETECTOR, () -> client
                    .getDetector(GetDetectorRequest.builder().detectorId(id).build()).statusAsString()))).toList();
        });
    }
}
