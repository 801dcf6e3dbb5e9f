package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code -c organization=true} and its keys, validated at synth with errors naming the key to set. */
class OrganizationSettingsTest {

    @Test
    void withoutTheOptionThereIsNoOrganizationMode() {
        assertThat(settings(Map.of())).isEmpty();
        assertThat(settings(Map.of("organization", "false", "organizationId", "o-abcdefghij"))).isEmpty();
    }

    @Test
    void ousAreTheTargetsAndTheDefaultsAreDelegatedAdminTenAccountsTenPercent() {
        OrganizationSettings org = settings(Map.of("organization", "true", "organizationId", "o-abcdefghij",
                "organizationUnits", "ou-ab12-cdef3456, ou-ab12-ghij7890")).orElseThrow();
        assertThat(org.deploymentTargets()).containsExactly("ou-ab12-cdef3456", "ou-ab12-ghij7890");
        assertThat(org.callAs()).isEqualTo("DELEGATED_ADMIN");
        assertThat(org.sweepConcurrency()).isEqualTo(10);
        assertThat(org.toleratedFailurePercent()).isEqualTo(10);
        assertThat(org.memberStacksOnly()).isFalse();
    }

    @Test
    void theRootTargetsTheWholeOrganizationAndSelfIsForTheManagementAccount() {
        OrganizationSettings org = settings(Map.of("organization", "true", "organizationId", "o-abcdefghij",
                "organizationRootId", "r-ab12", "stackSetCallAs", "self", "orgSweepConcurrency", "40",
                "orgSweepToleratedFailurePercent", "0")).orElseThrow();
        assertThat(org.deploymentTargets()).containsExactly("r-ab12");
        assertThat(org.callAs()).isEqualTo("SELF");
        assertThat(org.sweepConcurrency()).isEqualTo(40);
        assertThat(org.toleratedFailurePercent()).isZero();
    }

    @Test
    void missingOrMalformedSettingsFailSynthNamingTheKey() {
        Map<String, String> base = Map.of("organization", "true", "organizationId", "o-abcdefghij",
                "organizationRootId", "r-ab12");
        assertThatThrownBy(() -> settings(with(base, "organizationId", null)))
                .hasMessageContaining("-c organizationId=o-");
        assertThatThrownBy(() -> settings(with(base, "organizationId", "123456789012")))
                .hasMessageContaining("-c organizationId=o-");
        assertThatThrownBy(() -> settings(with(base, "organizationRootId", null)))
                .hasMessageContaining("-c organizationUnits=ou-").hasMessageContaining("-c organizationRootId=r-");
        assertThatThrownBy(() -> settings(with(base, "organizationUnits", "ou-ab12-cdef3456")))
                .hasMessageContaining("either organizationUnits or organizationRootId");
        assertThatThrownBy(() -> settings(with(with(base, "organizationRootId", null), "organizationUnits",
                "prod"))).hasMessageContaining("'prod' is neither an OU id");
        assertThatThrownBy(() -> settings(with(base, "stackSetCallAs", "ADMIN")))
                .hasMessageContaining("stackSetCallAs must be DELEGATED_ADMIN");
        assertThatThrownBy(() -> settings(with(base, "orgSweepConcurrency", "0")))
                .hasMessageContaining("orgSweepConcurrency must be 1..10000");
        assertThatThrownBy(() -> settings(with(base, "orgSweepToleratedFailurePercent", "101")))
                .hasMessageContaining("orgSweepToleratedFailurePercent must be 0..100");
        assertThatThrownBy(() -> settings(Map.of("memberStacksOnly", "true")))
                .hasMessageContaining("add -c organization=true");
    }

    @Test
    void theManagementAccountsMemberStacksNeedNoTargets() {
        OrganizationSettings org = settings(Map.of("organization", "true", "organizationId", "o-abcdefghij",
                "memberStacksOnly", "true")).orElseThrow();
        assertThat(org.memberStacksOnly()).isTrue();
        assertThat(org.deploymentTargets()).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    private static Optional<OrganizationSettings> settings(Map<String, String> ctx) {
        return OrganizationSettings.fromContext(
                key -> Optional.ofNullable(ctx.get(key)).map(String::trim).filter(s -> !s.isEmpty()),
                key -> Optional.ofNullable(ctx.get(key)).map(v -> Arrays.stream(v.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList()).orElse(List.of()),
                key -> Optional.ofNullable(ctx.get(key)).map(Integer::parseInt));
    }
}
