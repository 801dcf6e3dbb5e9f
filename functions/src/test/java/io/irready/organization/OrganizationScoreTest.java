package io.irready.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.irready.organization.OrganizationScore.AccountScore;
import io.irready.store.ReadinessScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationScoreTest {
    private static AccountScore account(String id, String name, double score) {
        return new AccountScore(id, name, new ReadinessScore(score, 1, 0, 0, 0));
    }

    @Test
    void theOrganizationScoreIsTheMeanOfItsAccountsAndNamesTheLowest() {
        OrganizationScore org = OrganizationScore.of(List.of(account("111111111111", "management", 90.0),
                account("222222222222", "prod", 100.0), account("333333333333", "dev", 40.5)));

        assertThat(org.score()).isEqualTo(76.8); // (90 + 100 + 40.5) / 3 = 76.83
        assertThat(org.lowest()).get().extracting(AccountScore::label).isEqualTo("dev (333333333333)");
        assertThat(org.summary()).isEqualTo("Organization readiness 76.8/100, the mean of 3 account scores; "
                + "lowest: dev (333333333333) at 40.5/100");
    }

    @Test
    void oneBrokenSmallAccountWeighsAsMuchAsOneBigHealthyOne() {
        // pooled, 1 000 passing findings would bury the small account's critical failure; the mean does not
        AccountScore big = new AccountScore("111111111111", "", new ReadinessScore(100.0, 1000, 0, 0, 0));
        AccountScore small = new AccountScore("222222222222", "", new ReadinessScore(0.0, 0, 1, 0, 0));

        assertThat(OrganizationScore.of(List.of(big, small)).score()).isEqualTo(50.0);
    }

    @Test
    void eachOuScoresTheAccountsUnderIt() {
        Map<String, Map.Entry<String, List<String>>> units = new LinkedHashMap<>();
        units.put("ou-ab12-production", Map.entry("Production", List.of("222222222222", "444444444444")));
        units.put("ou-ab12-sandboxes0", Map.entry("Sandboxes", List.of("333333333333")));
        units.put("ou-ab12-emptyunit", Map.entry("Empty", List.of()));

        OrganizationScore org = OrganizationScore.of(List.of(account("222222222222", "prod", 100.0),
                account("333333333333", "dev", 20.0), account("444444444444", "payments", 80.0)), units);

        assertThat(org.units()).extracting(OrganizationScore.UnitScore::name, OrganizationScore.UnitScore::score,
                OrganizationScore.UnitScore::accounts).containsExactly(
                tuple("Production", 90.0, 2),
                tuple("Sandboxes", 20.0, 1));
    }

    @Test
    void anEmptyOrganizationScoresAHundredWithNobodyLowest() {
        OrganizationScore org = OrganizationScore.of(List.of());

        assertThat(org.score()).isEqualTo(100.0);
        assertThat(org.lowest()).isEmpty();
        assertThat(org.summary()).isEqualTo("Organization readiness 100.0/100, the mean of 0 account scores");
    }
}
