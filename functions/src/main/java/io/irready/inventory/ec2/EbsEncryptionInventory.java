package io.irready.inventory.ec2;

import io.irready.core.Memo;
import java.util.function.Supplier;

/** EBS encryption-by-default settings of one region, loaded on first use. */
public final class EbsEncryptionInventory {
    private final Supplier<EbsDefaultEncryption> defaults;

    public EbsEncryptionInventory(Supplier<EbsDefaultEncryption> defaults) {
        this.defaults = Memo.of(defaults);
    }

    public static EbsEncryptionInventory of(EbsDefaultEncryption defaults) {
        return new EbsEncryptionInventory(() -> defaults);
    }

    /** {@code ec2:GetEbsEncryptionByDefault}, then {@code ec2:GetEbsDefaultKmsKeyId} when it is on. */
    public EbsDefaultEncryption defaults() {
        return defaults.get();
    }
}
