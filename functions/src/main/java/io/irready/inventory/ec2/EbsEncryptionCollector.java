package io.irready.inventory.ec2;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Loads {@link EbsEncryptionInventory} over the SDK (EC2 query protocol). */
public final class EbsEncryptionCollector {
    public static final String GET_BY_DEFAULT = "ec2:GetEbsEncryptionByDefault";
    public static final String GET_DEFAULT_KEY = "ec2:GetEbsDefaultKmsKeyId";

    private EbsEncryptionCollector() {
    }

    public static EbsEncryptionInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(Ec2Client::builder, region));
    }

    public static EbsEncryptionInventory inventory(Ec2Client client) {
        return new EbsEncryptionInventory(() -> {
            boolean enabled = Boolean.TRUE.equals(AwsCall.call(GET_BY_DEFAULT,
                    () -> client.getEbsEncryptionByDefault(b -> { }).ebsEncryptionByDefault()));
            if (!enabled) {
                return new EbsDefaultEncryption(false, Optional.empty());
            }
            return new EbsDefaultEncryption(true, Optional.ofNullable(AwsCall.call(GET_DEFAULT_KEY,
                    () -> client.getEbsDefaultKmsKeyId(b -> { }).kmsKeyId())));
        });
    }
}
