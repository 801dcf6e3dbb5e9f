package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.checks.Catalog;
import io.irready.testing.TestChecks;
import io.irready.testing.TestChecks.LogGroupRetention;
import io.irready.testing.TestChecks.LogGroupsPresent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckRegistryTest {
    private final CheckRegistry registry = TestChecks.standard();

    @Test
    void keepsCatalogOrderAndFindsById() {
        assertThat(registry.all()).extracting(Check::id).containsExactly(TestChecks.PRESENT, TestChecks.RETENTION);
        assertThat(registry.find(TestChecks.RETENTION)).isPresent();
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.contains(TestChecks.PRESENT)).isTrue();
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(() -> TestChecks.registry(new LogGroupRetention(), new LogGroupRetention(Severity.LOW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate check id: " + TestChecks.RETENTION);
    }

    @Test
    void selectResolvesIdsInTheGivenOrderAndNamesTheKnownIdsOnATypo() {
        assertThat(registry.select(List.of(TestChecks.RETENTION, TestChecks.PRESENT))).extracting(Check::id)
                .containsExactly(TestChecks.RETENTION, TestChecks.PRESENT);
        assertThatThrownBy(() -> registry.select(List.of("test-log-group-retension")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown check id 'test-log-group-retension'; known: test-log-groups-present, "
                        + "test-log-group-retention");
    }

    @Test
    void enabledLeavesOutDisabledChecks() {
        Config config = Config.builder().disabledChecks(Set.of(TestChecks.PRESENT)).build();

        assertThat(registry.enabled(config)).extracting(Check::id).containsExactly(TestChecks.RETENTION);
    }

    @Test
    void permissionsAreTheSortedUnionWithoutDuplicates() {
        assertThat(CheckRegistry.permissions(registry.all()))
                .containsExactly("logs:DescribeLogGroups", "logs:DescribeLogStreams");
        assertThat(CheckRegistry.permissions(List.of(new LogGroupRetention()))).containsExactly("logs:DescribeLogGroups");
        assertThat(CheckRegistry.permissions(List.of())).isEmpty();
    }

    @Test
    void theCatalogBuildsARegistryWithUniqueKebabCaseIdsAndDocumentedChecks() {
        CheckRegistry catalog = Catalog.registry();

        assertThat(catalog.all()).hasSameSizeAs(Catalog.all());
        assertThat(catalog.all()).allSatisfy(check -> {
            CheckMetadata m = check.metadata();
            assertThat(m.title()).as(m.id() + " title").isNotBlank();
            assertThat(m.rationale()).as(m.id() + " rationale").isNotBlank();
            assertThat(m.remediation().console()).as(m.id() + " console remediation").isNotBlank();
            assertThat(m.remediation().cli()).as(m.id() + " CLI remediation").isNotBlank();
            assertThat(m.permissions()).as(m.id() + " permissions").isNotEmpty();
        });
    }

    @Test
    void metadataRejectsIdsThatAreNotKebabCaseAndActionsThatAreNotIamActions() {
        assertThatThrownBy(() -> TestChecks.metadata("Bad_Id", Severity.LOW, Granularity.RESOURCE, List.of()))
                .hasMessage("check id must be kebab-case: Bad_Id");
        assertThatThrownBy(() -> TestChecks.metadata("ok-id", Severity.LOW, Granularity.RESOURCE,
                List.of("DescribeTrails"))).hasMessage("ok-id: not an IAM action: DescribeTrails");
    }
}
