package io.irready.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.checks.Catalog;
import io.irready.core.Severity;
import io.irready.store.FindingState;
import io.irready.store.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An alert about a member account names it as the organization does, in every rendering, escaped like any untrusted string. */
class AccountNameInAlertTest {
    private static final AlertContent CONTENT = new AlertContent(Catalog.registry());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROD = "111122223333";

    private static Alert stopped(String account) {
        return CONTENT.of(new Transition("t-1", account, "eu-west-1", "cloudtrail-logging-all-regions",
                account + "/eu-west-1", Severity.CRITICAL, Optional.of(FindingState.PASS), FindingState.FAIL,
                Instant.parse("2026-12-03T10:00:00Z"), 2, "Trail org-audit-trail is not logging.", Optional.empty(),
                true));
    }

    @Test
    void emailSlackAndTheChatbotCardShowTheNameBesideTheId() throws Exception {
        Alert alert = stopped(PROD).withAccountName("prod");

        assertThat(alert.accountLabel()).isEqualTo("prod (111122223333)");
        assertThat(EmailText.body(alert)).contains("Account:     prod (111122223333), region eu-west-1");
        assertThat(SlackMarkdown.body(alert)).contains("*Account / region:* prod (`111122223333`) / `eu-west-1`");
        JsonNode card = JSON.readTree(ChatbotCard.json(alert));
        assertThat(card.at("/metadata/additionalContext/account").asText()).isEqualTo(PROD);
        assertThat(card.at("/metadata/additionalContext/accountName").asText()).isEqualTo("prod");
        assertThat(JSON.readTree(AlertJson.json(alert)).path("accountName").asText()).isEqualTo("prod");
    }

    @Test
    void withoutANameTheAccountIdAloneAsBefore() throws Exception {
        Alert alert = stopped(PROD);

        assertThat(alert.accountLabel()).isEqualTo(PROD);
        assertThat(EmailText.body(alert)).contains("Account:     111122223333, region eu-west-1");
        assertThat(SlackMarkdown.body(alert)).contains("*Account / region:* `111122223333` / `eu-west-1`");
        assertThat(JSON.readTree(ChatbotCard.json(alert)).at("/metadata/additionalContext").has("accountName")).isFalse();
    }

    @Test
    void aHostileAccountNameCannotPingSpoofALinkRestyleOrFlood() throws Exception {
        // whoever owns a member account chooses its name
        String hostile = "@here <!channel> *URGENT* <http://evil.example|Open the AWS console>\u202E\u0007 "
                + "x".repeat(700);
        Alert alert = stopped(PROD).withAccountName(hostile);

        String slack = SlackMarkdown.body(alert);
        String line = slack.lines().filter(l -> l.startsWith("*Account / region:*")).findFirst().orElseThrow();
        assertThat(line).doesNotContain("<!channel>", "<http", "*URGENT*", "\u202E", "\u0007", "@here")
                .contains("&lt;!channel&gt;", "∗URGENT∗", "＠here", "(`111122223333`)");
        assertThat(line.length()).isLessThan(200);
        String email = EmailText.body(alert);
        String emailLine = email.lines().filter(l -> l.startsWith("Account:")).findFirst().orElseThrow();
        assertThat(emailLine).doesNotContain("\u202E", "\u0007").contains("…").hasSizeLessThan(160);
        JsonNode card = JSON.readTree(ChatbotCard.json(alert));
        assertThat(card.at("/metadata/additionalContext/accountName").asText()).doesNotContain("<!channel>");
    }

    @Test
    void aDigestAcrossAccountsNamesEachItemsAccount() {
        Alert prod = stopped(PROD).withAccountName("prod");
        Alert dev = stopped("444455556666").withAccountName("dev");

        Alert digest = CONTENT.digest("digest-1", List.of(prod, dev));

        assertThat(digest.account()).isEqualTo("multiple");
        assertThat(EmailText.body(digest)).contains("in prod (111122223333)", "in dev (444455556666)");
        assertThat(SlackMarkdown.body(digest)).contains("in prod (`111122223333`)", "in dev (`444455556666`)");
    }

    @Test
    void aDigestOfOneAccountNamesItOnceInItsHeading() {
        Alert digest = CONTENT.digest("digest-2", List.of(stopped(PROD).withAccountName("prod"),
                stopped(PROD).withAccountName("prod")));

        assertThat(EmailText.body(digest)).startsWith("irready: 2 readiness changes found by a sweep in prod "
                + "(111122223333) / eu-west-1").doesNotContain(" in prod (111122223333)\n");
    }
}
