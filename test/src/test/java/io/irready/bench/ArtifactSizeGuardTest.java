package io.irready.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on the deployable artifacts' size (a count, not a time).
 *
 * <p>Lambda refuses a package whose unzipped contents exceed 262 144 000 bytes ("250 MB",
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). The single fat jar (the
 * CLI's) unzips to about 272 MB — the AWS SDK service models; EC2's alone is 75 MB — so the CDK app
 * deploys {@code functions/target/irready-lambda.zip} instead: Lambda's Java layout, every jar under
 * {@code lib/} and kept compressed, whose unzipped size is the size of the jars.
 */
class ArtifactSizeGuardTest {
    /** Lambda's limit on a package's unzipped contents (layers included). */
    static final long LAMBDA_UNZIPPED_LIMIT = 262_144_000L;
    /** The Lambda package, zipped: about 83 MiB at the time of writing. */
    static final long MAX_ZIPPED_BYTES = 120L * 1024 * 1024;

    @Test
    void theLambdaPackageFitsLambdasUnzippedLimitAndCarriesNoBenchmarkOrDemoCode() throws IOException {
        // built by the functions module's package phase, which runs before this module's tests in a reactor build
        Path zipPath = Path.of("..", "functions", "target", "irready-lambda.zip");
        assumeTrue(Files.isRegularFile(zipPath), "functions/target/irready-lambda.zip not built (run from the "
                + "reactor: ./mvnw verify -pl test -am)");

        long unzipped = 0;
        int jars = 0;
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                unzipped += Math.max(0, e.getSize());
                if (e.isDirectory()) {
                    continue;
                }
                assertThat(e.getName()).as("Lambda's Java layout: jars under lib/").startsWith("lib/").endsWith(".jar");
                assertThat(e.getName()).as("benchmark, simulator, demo and test code stay out of the Lambda package")
                        .doesNotContain("irready-test").doesNotContain("wiremock").doesNotContain("junit")
                        .doesNotContain("assertj");
                jars++;
            }
        }
        assertThat(jars).as("our jar and its runtime dependencies").isGreaterThan(10);
        assertThat(Files.size(zipPath)).isLessThan(MAX_ZIPPED_BYTES);
        assertThat(unzipped).as("unzipped bytes Lambda counts").isLessThan(LAMBDA_UNZIPPED_LIMIT);
    }
}
