package io.irready.inventory.ssm;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Systems Manager state of one region, each part loaded on first use and cached for the
 * evaluation. Every part is one paginated listing for the whole region (no call per instance).
 * Tests build it by hand with {@link #of}; {@link SsmCollector} builds it over the SDK.
 */
public final class SsmInventory {
    private final Supplier<Map<String, ManagedInstance>> managedInstances;
    private final Supplier<DefaultHostManagement> defaultHostManagement;
    private final Supplier<Set<String>> cloudWatchAgentInstances;
    private final Supplier<Set<String>> instancesWithInventory;
    private final Supplier<List<SsmAssociation>> cloudWatchAgentAssociations;

    public SsmInventory(Supplier<List<ManagedInstance>> managedInstances,
                        Supplier<DefaultHostManagement> defaultHostManagement,
                        Supplier<Set<String>> cloudWatchAgentInstances,
                        Supplier<Set<String>> instancesWithInventory,
                        Supplier<List<SsmAssociation>> cloudWatchAgentAssociations) {
        Supplier<List<ManagedInstance>> list = Memo.of(managedInstances);
        this.managedInstances = Memo.of(() -> list.get().stream()
                .collect(Collectors.toUnmodifiableMap(ManagedInstance::id, Function.identity(), (a, b) -> a)));
        this.defaultHostManagement = Memo.of(defaultHostManagement);
        this.cloudWatchAgentInstances = Memo.of(cloudWatchAgentInstances);
        this.instancesWithInventory = Memo.of(instancesWithInventory);
        this.cloudWatchAgentAssociations = Memo.of(cloudWatchAgentAssociations);
    }

    /** A hand-built inventory (tests, the demo). */
    public static SsmInventory of(List<ManagedInstance> managed, DefaultHostManagement dhmc,
                                  Set<String> cloudWatchAgentInstances, Set<String> instancesWithInventory,
                                  List<SsmAssociation> cloudWatchAgentAssociations) {
        return new SsmInventory(() -> List.copyOf(managed), () -> dhmc, () -> Set.copyOf(cloudWatchAgentInstances),
                () -> Set.copyOf(instancesWithInventory), () -> List.copyOf(cloudWatchAgentAssociations));
    }

    /** The managed node {@code id}, if it is registered with SSM ({@code ssm:DescribeInstanceInformation}). */
    public Optional<ManagedInstance> managedInstance(String id) {
        return Optional.ofNullable(managedInstances.get().get(id));
    }

    /** Whether DHMC is on in this region ({@code ssm:GetServiceSetting}). */
    public DefaultHostManagement defaultHostManagement() {
        return defaultHostManagement.get();
    }

    /** Instances whose SSM inventory lists the CloudWatch agent ({@code ssm:GetInventory}, one filtered listing). */
    public boolean hasCloudWatchAgentInstalled(String instanceId) {
        return cloudWatchAgentInstances.get().contains(instanceId);
    }

    /** Whether {@code instanceId} has reported any inventory data at all ({@code ssm:GetInventory}). */
    public boolean hasInventoryData(String instanceId) {
        return instancesWithInventory.get().contains(instanceId);
    }

    /** Associations of the {@code AmazonCloudWatch-ManageAgent} document ({@code ssm:ListAssociations}). */
    public List<SsmAssociation> cloudWatchAgentAssociations() {
        return cloudWatchAgentAssociations.get();
    }
}
