package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.CheckMetadata.References;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    @Test
    void theThreeArgumentFormHasNoAttackTechniques() {
        References refs = new References(List.of("CIS AWS Foundations v4.0.0 3.1"), List.of("CloudTrail.1"), List.of());

        assertThat(refs.attack()).isEmpty();
        assertThat(refs).isEqualTo(new References(refs.cis(), refs.securityHub(), refs.stratusRedTeam(), List.of()));
    }

    @Test
    void attackTakesTechniqueAndSubTechniqueIdsOnly() {
        assertThat(new References(List.of(), List.of(), List.of(), List.of("T1562.008", "T1485")).attack())
                .containsExactly("T1562.008", "T1485");
        assertThatThrownBy(() -> new References(List.of(), List.of(), List.of(), List.of("Impair Defenses")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Impair Defenses");
        assertThatThrownBy(() -> new References(List.of(), List.of(), List.of(), List.of("T1562.8")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
