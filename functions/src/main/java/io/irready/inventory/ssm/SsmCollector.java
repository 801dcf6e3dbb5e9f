package io.irready.inventory.ssm;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AssociationFilter;
import software.amazon.awssdk.services.ssm.model.AssociationFilterKey;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.GetInventoryRequest;
import software.amazon.awssdk.services.ssm.model.GetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.InventoryFilter;
import software.amazon.awssdk.services.ssm.model.InventoryQueryOperatorType;
import software.amazon.awssdk.services.ssm.model.InventoryResultEntity;
import software.amazon.awssdk.services.ssm.model.ListAssociationsRequest;
import software.amazon.awssdk.services.ssm.model.ResultAttribute;
import software.amazon.awssdk.services.ssm.model.ServiceSettingNotFoundException;

/**
 * Loads {@link SsmInventory} over the SDK (JSON 1.1 protocol). Each part is one region-wide,
 * paginated listing at the API's largest page size (50): the CloudWatch agent is found with one
 * filtered {@code GetInventory} listing, never one call per instance.
 */
public final class SsmCollector {
    public static final String DESCRIBE_INSTANCE_INFORMATION = "ssm:DescribeInstanceInformation";
    public static final String GET_SERVICE_SETTING = "ssm:GetServiceSetting";
    public static final String GET_INVENTORY = "ssm:GetInventory";
    public static final String LIST_ASSOCIATIONS = "ssm:ListAssociations";

    public static final String CLOUDWATCH_AGENT_DOCUMENT = "AmazonCloudWatch-ManageAgent";
    /** The agent's application name in inventory: the package name on Linux, the MSI name on Windows. */
    public static final List<String> CLOUDWATCH_AGENT_APPLICATION_NAMES =
            List.of("amazon-cloudwatch-agent", "Amazon CloudWatch Agent");

    static final String INSTANCE_INFORMATION = "AWS:InstanceInformation";
    static final int PAGE_SIZE = 50;

    private SsmCollector() {
    }

    public static SsmInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(SsmClient::builder, region));
    }

    public static SsmInventory inventory(SsmClient client) {
        return new SsmInventory(
                () -> AwsCall.call(DESCRIBE_INSTANCE_INFORMATION, () -> client
                        .describeInstanceInformationPaginator(DescribeInstanceInformationRequest.builder()
                                .maxResults(PAGE_SIZE).build())
                        .instanceInformationList().stream()
                        .map(i -> new ManagedInstance(i.instanceId(), i.pingStatusAsString(),
                                Optional.ofNullable(i.agentVersion())))
                        .toList()),
                () -> defaultHostManagement(client),
                // An entity is returned only when its inventory matches the filter.
                () -> AwsCall.call(GET_INVENTORY, () -> entityIds(client, false, GetInventoryRequest.builder()
                        .filters(InventoryFilter.builder().key("AWS:Application.Name")
                                .values(CLOUDWATCH_AGENT_APPLICATION_NAMES).type(InventoryQueryOperatorType.EQUAL)
                                .build())
                        .maxResults(PAGE_SIZE).build())),
                // Every node that uploaded inventory has an AWS:InstanceInformation item: one listing tells
                // "no inventory data" apart from "inventory without the agent".
                () -> AwsCall.call(GET_INVENTORY, () -> entityIds(client, true, GetInventoryRequest.builder()
                        .resultAttributes(ResultAttribute.builder().typeName(INSTANCE_INFORMATION).build())
                        .maxResults(PAGE_SIZE).build())),
                () -> AwsCall.call(LIST_ASSOCIATIONS, () -> client
                        .listAssociationsPaginator(ListAssociationsRequest.builder()
                                .associationFilterList(AssociationFilter.builder().key(AssociationFilterKey.NAME)
                                        .value(CLOUDWATCH_AGENT_DOCUMENT).build())
                                .maxResults(PAGE_SIZE).build())
                        .associations().stream()
                        .map(a -> new SsmAssociation(a.associationId(), a.name(),
                                Optional.ofNullable(a.associationName()), Optional.ofNullable(a.instanceId()),
                                a.targets().stream().map(t -> new SsmAssociation.Target(t.key(), t.values())).toList()))
                        .toList()));
    }

    private static Set<String> entityIds(SsmClient client, boolean requireInstanceInformation,
                                         GetInventoryRequest request) {
        return client.getInventoryPaginator(request).entities().stream()
                .filter(e -> !requireInstanceInformation || hasContent(e, INSTANCE_INFORMATION))
                .map(InventoryResultEntity::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean hasContent(InventoryResultEntity entity, String type) {
        var item = entity.data().get(type);
        return item != null && item.hasContent() && !item.content().isEmpty();
    }

    /** A setting never customised does not exist: that is DHMC off, not a failure. */
    private static DefaultHostManagement defaultHostManagement(SsmClient client) {
        return AwsCall.call(GET_SERVICE_SETTING, () -> {
            try {
                var setting = AwsCall.required(GET_SERVICE_SETTING, "ServiceSetting", client.getServiceSetting(
                        GetServiceSettingRequest.builder().settingId(DefaultHostManagement.SETTING_ID).build())
                        .serviceSetting());
                return DefaultHostManagement.fromSettingValue(setting.settingValue());
            } catch (ServiceSettingNotFoundException e) {
                return DefaultHostManagement.OFF;
            }
        });
    }
}
