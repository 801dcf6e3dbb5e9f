package io.irready.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReasonsTest {
    @Test
    void quoteMakesTextPrintableAndBounded() {
        assertThat(Reasons.quote("a\u0000b\u202ec\u2028")).isEqualTo("'a\\u0000b\\u202ec\\u2028'");
        assertThat(Reasons.quote("x".repeat(200))).isEqualTo("'" + "x".repeat(80) + "…(200 chars)'");
        assertThat(Optional.of(Reasons.quote("ok"))).contains("'ok'");
    }
}
