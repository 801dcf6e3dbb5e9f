package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import io.irready.core.Granularity;
import java.io.PrintWriter;
import java.util.List;

/** One way to print the check catalog ({@code irready checks --format …}). */
public interface CatalogFormat {
    void write(List<CheckMetadata> checks, PrintWriter out);

    static CatalogFormat of(Kind kind) {
        return switch (kind) {
            case TABLE -> new CatalogTable();
            case JSON -> new CatalogJson();
            case MD -> new CatalogMarkdown();
        };
    }

    /** The {@code --format} values of {@code irready checks}. */
    enum Kind { TABLE, JSON, MD }

    /** What one finding of the check is about, in words. */
    static String findingPer(CheckMetadata check) {
        return check.granularity() == Granularity.ACCOUNT_REGION ? "account+region" : "resource";
    }
}
