package io.irready.inventory.kms;

import java.util.List;

/**
 * A grant on a KMS key.
 *
 * @param grantId          grant id
 * @param granteePrincipal who may use it (a role ARN, a service principal …)
 * @param operations       what it allows ({@code Decrypt}, {@code CreateGrant}, {@code ReEncryptFrom} …)
 * @param constrained      whether it only applies under an encryption context constraint
 */
public record KeyGrant(String grantId, String granteePrincipal, List<String> operations, boolean constrained) {
    public KeyGrant {
        operations = List.copyOf(operations);
    }
}
