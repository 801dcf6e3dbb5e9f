package io.irready.inventory.ssm;

import java.util.Optional;

/**
 * Default Host Management Configuration (DHMC) of a region: when on, Systems Manager manages every
 * EC2 instance through the configured role, even instances without an instance profile.
 *
 * @param role the role the setting names; empty when DHMC is off
 */
public record DefaultHostManagement(Optional<String> role) {
    public static final String SETTING_ID = "/ssm/managed-instance/default-ec2-instance-management-role";
    public static final DefaultHostManagement OFF = new DefaultHostManagement(Optional.empty());

    /** From the setting's value: empty, blank and {@code $None} mean off. */
    public static DefaultHostManagement fromSettingValue(String value) {
        if (value == null || value.isBlank() || value.strip().equals("$None")) {
            return OFF;
        }
        return new DefaultHostManagement(Optional.of(value.strip()));
    }

    public boolean enabled() {
        return role.isPresent();
    }
}
