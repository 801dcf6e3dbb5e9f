package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mute list file: its schema, its matching, and errors that name the entry at fault. */
class MuteListTest {
    private static final String VPC = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0abc1";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private static Finding finding(String check, String resource, String account, String region) {
        return new Finding(check, Severity.HIGH, account, region, resource, Status.FAIL, "why",
                Instant.parse("2026-11-27T05:00:00Z"));
    }

    private static List<MuteEntry> parse(String json) {
        return MuteList.parse(json, "mutes.json");
    }

    @Test
    void everyFieldOfTheDocumentedSchemaIsRead() {
        List<MuteEntry> entries = parse("""
                {"mutes": [
                  {"check": "vpc-flow-logs-*", "resource": "arn:aws:ec2:*:vpc/vpc-0abc*", "account": "123456789012",
                   "region": "eu-west-1", "reason": "sandbox VPC, no workloads", "expires": "2027-06-30"},
                  {"check": "*", "resource": "*", "reason": "lab account"}
                ]}""");

        assertThat(entries).containsExactly(
                new MuteEntry(0, "vpc-flow-logs-*", "arn:aws:ec2:*:vpc/vpc-0abc*", Optional.of("123456789012"),
                        Optional.of("eu-west-1"), "sandbox VPC, no workloads", Optional.of(LocalDate.parse("2027-06-30"))),
                new MuteEntry(1, "*", "*", Optional.empty(), Optional.empty(), "lab account", Optional.empty()));
        assertThat(entries.get(0).marker()).isEqualTo(new Muted("sandbox VPC, no workloads",
                Optional.of(LocalDate.parse("2027-06-30")),
                "mute list entry 0 (vpc-flow-logs-*:arn:aws:ec2:*:vpc/vpc-0abc*)"));
    }

    @Test
    void anEntryMutesOnlyWhatAllItsPatternsMatch() {
        MuteEntry entry = parse("""
                {"mutes": [{"check": "vpc-flow-logs-*", "resource": "arn:aws:ec2:*:vpc/vpc-0abc*",
                            "account": "123456789012", "region": "eu-west-1", "reason": "sandbox"}]}""").get(0);

        assertThat(entry.mutes(finding("vpc-flow-logs-enabled", VPC, "123456789012", "eu-west-1"), TODAY)).isTrue();
        assertThat(entry.mutes(finding("cloudtrail-enabled", VPC, "123456789012", "eu-west-1"), TODAY)).isFalse();
        assertThat(entry.mutes(finding("vpc-flow-logs-enabled", VPC.replace("0abc1", "0def1"), "123456789012",
                "eu-west-1"), TODAY)).isFalse();
        assertThat(entry.mutes(finding("vpc-flow-logs-enabled", VPC, "210987654321", "eu-west-1"), TODAY)).isFalse();
        assertThat(entry.mutes(finding("vpc-flow-logs-enabled", VPC, "123456789012", "us-east-1"), TODAY)).isFalse();
    }

    @Test
    void anEntryHoldsThroughItsExpiryDayAndNotAfter() {
        MuteEntry entry = parse("""
                {"mutes": [{"check": "*", "resource": "*", "reason": "until the migration", "expires": "2026-11-27"}]}
                """).get(0);
        Finding f = finding("vpc-flow-logs-enabled", VPC, "123456789012", "eu-west-1");

        assertThat(entry.mutes(f, TODAY)).isTrue();
        assertThat(entry.mutes(f, TODAY.plusDays(1))).isFalse();
    }

    @Test
    void aMissingReasonIsAnErrorNamingTheEntry() {
        assertThatThrownBy(() -> parse("""
                {"mutes": [{"check": "*", "resource": "*", "reason": "ok"}, {"check": "*", "resource": "*"}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mute list mutes.json, entry 1: \"reason\" is required (an accepted risk must say why "
                        + "it was accepted)");
        assertThatThrownBy(() -> parse("{\"mutes\": [{\"resource\": \"*\", \"reason\": \"x\"}]}"))
                .hasMessage("mute list mutes.json, entry 0: \"check\" is required");
    }

    @Test
    void aBadDateIsAnErrorNamingTheEntry() {
        assertThatThrownBy(() -> parse("""
                {"mutes": [{"check": "*", "resource": "*", "reason": "x", "expires": "30/06/2027"}]}"""))
                .hasMessage("mute list mutes.json, entry 0: \"expires\" must be a date YYYY-MM-DD, got '30/06/2027'");
    }

    @Test
    void anUnknownFieldIsAnErrorNamingTheEntry() {
        assertThatThrownBy(() -> parse("""
                {"mutes": [{"check": "*", "resource": "*", "reason": "x", "expiry": "2027-01-01"}]}"""))
                .hasMessageStartingWith("mute list mutes.json, entry 0: unknown field \"expiry\"");
        assertThatThrownBy(() -> parse("{\"mutes\": [], \"version\": 2}"))
                .hasMessage("mute list mutes.json: unknown field \"version\" (only \"mutes\")");
    }

    @Test
    void tagsAreRejectedAsNotSupportedYetRatherThanIgnored() {
        assertThatThrownBy(() -> parse("""
                {"mutes": [{"check": "*", "resource": "*", "reason": "x", "tags": {"env": "sandbox"}}]}"""))
                .hasMessageStartingWith("mute list mutes.json, entry 0: \"tags\" is not supported yet");
    }

    @Test
    void aFileThatIsNotAMuteListSaysSo() {
        assertThatThrownBy(() -> parse("{\"mutes\": [")).hasMessageStartingWith("mute list mutes.json is not valid JSON");
        assertThatThrownBy(() -> parse("[]"))
                .hasMessage("mute list mutes.json must be an object with a \"mutes\" array");
        assertThatThrownBy(() -> parse("{\"mutes\": [{\"check\": 1, \"resource\": \"*\", \"reason\": \"x\"}]}"))
                .hasMessage("mute list mutes.json, entry 0: \"check\" must be a string");
    }

    @Test
    void theEnvironmentNamesTheFileAndAnUnreadableOneFailsLoudly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mutelist.json");
        Files.writeString(file, "{\"mutes\": [{\"check\": \"*\", \"resource\": \"*\", \"reason\": \"lab\"}]}");

        Config config = Config.fromEnvironment(Map.of(EnvironmentNames.IRREADY_MUTELIST_FILE, file.toString()));

        assertThat(config.mutes()).extracting(MuteEntry::reason).containsExactly("lab");
        assertThat(Config.defaults().mutes()).isEmpty();
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of(EnvironmentNames.IRREADY_MUTELIST_FILE,
                dir.resolve("absent.json").toString()))).hasMessageStartingWith("cannot read the mute list");
    }

    @Test
    void suppressionsAreStillAcceptedAsMutesWithTheConfigurationReason() {
        Config config = Config.builder()
                .suppressions(List.of(Suppression.parse("vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0abc*"))).build();

        assertThat(config.muteOf(finding("vpc-flow-logs-enabled", VPC, "123456789012", "eu-west-1"), TODAY))
                .contains(new Muted("suppressed by configuration", Optional.empty(),
                        "suppression vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0abc*"));
        assertThat(config.muteOf(finding("cloudtrail-enabled", VPC, "123456789012", "eu-west-1"), TODAY)).isEmpty();
    }

    @Test
    void theFirstMuteListEntryThatHoldsWinsOverASuppression() {
        Config config = Config.builder()
                .suppressions(List.of(Suppression.parse("*:*")))
                .mutes(parse("""
                        {"mutes": [{"check": "*", "resource": "*", "reason": "expired", "expires": "2026-01-01"},
                                   {"check": "*", "resource": "*", "reason": "sandbox"}]}""")).build();

        assertThat(config.muteOf(finding("c", VPC, "123456789012", "eu-west-1"), TODAY)).map(Muted::reason)
                .contains("sandbox");
    }
}
