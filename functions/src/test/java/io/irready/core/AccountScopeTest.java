package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccountScopeTest {
    static final String HOME = "111111111111";

    @Test
    void emptyOrStarIsAnyAccountAndNeverAsksForTheHomeAccount() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<String> home = () -> {
            asked.incrementAndGet();
            return HOME;
        };
        for (String text : new String[] {"", " ", "*", null}) {
            AccountScope any = AccountScope.parse(text);
            assertThat(any.isAny()).isTrue();
            assertThat(any.includes("999999999999", home)).isTrue();
        }
        assertThat(asked).hasValue(0);
        assertThat(Config.defaults().accountScope().isAny()).isTrue();
    }

    @Test
    void aListedScopeIncludesItsAccountsAndTheHomeAccountOnly() {
        AccountScope scope = AccountScope.parse(" 222222222222, 333333333333 ,");

        assertThat(scope.includes("222222222222", () -> HOME)).isTrue();
        assertThat(scope.includes("333333333333", () -> HOME)).isTrue();
        assertThat(scope.includes(HOME, () -> HOME)).isTrue();
        assertThat(scope.includes("444444444444", () -> HOME)).isFalse();
        assertThat(scope).hasToString("222222222222,333333333333");
    }

    @Test
    void aValueThatIsNotAnAccountIdFailsLoudly() {
        assertThatThrownBy(() -> AccountScope.parse("222222222222,ou-ab12-cdef3456"))
                .hasMessageContaining("'ou-ab12-cdef3456' is not a 12-digit AWS account id");
    }

    @Test
    void theEnvironmentSetsIt() {
        Config c = Config.fromEnvironment(Map.of(EnvironmentNames.IRREADY_ACCOUNT_SCOPE, "222222222222"));

        assertThat(c.accountScope().accounts()).containsExactly("222222222222");
        assertThat(c.toBuilder().build().accountScope()).isEqualTo(c.accountScope());
    }
}
