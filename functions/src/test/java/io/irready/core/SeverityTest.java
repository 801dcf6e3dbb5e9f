package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeverityTest {
    @Test
    void isAtLeastOrdersFromCriticalDown() {
        assertThat(Severity.CRITICAL.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.MEDIUM.isAtLeast(Severity.HIGH)).isFalse();
        assertThat(Severity.INFORMATIONAL.isAtLeast(Severity.LOW)).isFalse();
    }

    @Test
    void parsesCaseInsensitivelyAndListsValidNamesOnError() {
        assertThat(Severity.parse(" high ")).isEqualTo(Severity.HIGH);
        assertThatThrownBy(() -> Severity.parse("severe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown severity 'severe' (expected one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL)");
        assertThatThrownBy(() -> Severity.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyFailAndErrorAreOpen() {
        assertThat(Status.FAIL.isOpen()).isTrue();
        assertThat(Status.ERROR.isOpen()).isTrue();
        assertThat(Status.PASS.isOpen()).isFalse();
        assertThat(Status.NOT_APPLICABLE.isOpen()).isFalse();
    }
}
