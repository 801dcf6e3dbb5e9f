package io.irready.inventory.kms;

import io.irready.core.AwsCallFailedException;
import io.irready.core.ResourceIds;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Loads {@link KmsInventory} over the SDK (JSON 1.1, target {@code TrentService.DescribeKey}).
 * A key referenced by ARN is described in the ARN's region (a trail homed in one region may use a
 * key of that region only, but inventories are per evaluation region).
 */
public final class KmsCollector {
    public static final String DESCRIBE_KEY = "kms:DescribeKey";

    private KmsCollector() {
    }

    public static KmsInventory inventory(AwsClients clients, String region) {
        Map<String, KmsClient> byRegion = new ConcurrentHashMap<>();
        return inventory(r -> byRegion.computeIfAbsent(r, x -> clients.shared(KmsClient::builder, x)), region);
    }

    /** @param clientFor a KMS client per region */
    public static KmsInventory inventory(Function<String, KmsClient> clientFor, String region) {
        return new KmsInventory(reference -> describe(clientFor, region, reference));
    }

    private static Optional<KmsKey> describe(Function<String, KmsClient> clientFor, String region, String reference) {
        String keyRegion = Optional.ofNullable(ResourceIds.regionOf(reference)).orElse(region);
        KmsClient client = clientFor.apply(keyRegion);
        try {
            KeyMetadata k = AwsCall.required(DESCRIBE_KEY, "KeyMetadata",
                    AwsCall.call(DESCRIBE_KEY, () -> client.describeKey(r -> r.keyId(reference))).keyMetadata());
            return Optional.of(new KmsKey(AwsCall.required(DESCRIBE_KEY, "KeyMetadata.Arn", k.arn()),
                    AwsCall.required(DESCRIBE_KEY, "KeyMetadata.KeyId", k.keyId()),
                    AwsCall.required(DESCRIBE_KEY, "KeyMetadata.KeyState", k.keyStateAsString()),
                    Optional.ofNullable(k.deletionDate()), k.keyManagerAsString()));
        } catch (AwsCallFailedException e) {
            if (e.kind() == AwsCallFailedException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
