package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.cli.format.CatalogMarkdown;
import io.irready.core.Check;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/CHECKS.md is generated from the registry; this fails when someone changed a check and not the doc. */
class DocsAreCurrentTest {
    // surefire runs in the module directory (functions/)
    private static final Path CHECKS_MD = Path.of("..", "docs", "CHECKS.md");

    @Test
    void checksMdMatchesTheRegistry() throws IOException {
        String expected = CatalogMarkdown.render(Catalog.all().stream().map(Check::metadata).toList());

        assertThat(CHECKS_MD).as("docs/CHECKS.md is missing; generate it with: " + CatalogMarkdown.REGENERATE)
                .exists();
        String actual = Files.readString(CHECKS_MD, StandardCharsets.UTF_8);
        assertThat(actual).as("docs/CHECKS.md is stale (the check registry changed); regenerate it from the repository "
                + "root with: " + CatalogMarkdown.REGENERATE + " and commit it").isEqualTo(expected);
    }
}
