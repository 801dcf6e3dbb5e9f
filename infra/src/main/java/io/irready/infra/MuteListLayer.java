package io.irready.infra;

import io.irready.core.EnvironmentNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The mute list travels with the function code, as a layer holding {@value #PATH_IN_FUNCTION}, and the functions
 * are pointed at it with {@code IRREADY_MUTELIST_FILE}. Not an environment variable (Lambda caps all of them at 4 KB
 * together, and a few commented entries exceed that) and not an SSM parameter (4 KB in the standard tier, a read at
 * every cold start that can fail, an extra permission): a layer version is immutable and part of the published
 * SnapStart version, so the accepted risks in force are exactly those deployed with the alias the triggers invoke.
 */
final class MuteListLayer {
    static final String PATH_IN_FUNCTION = "/opt/irready/mutelist.json";

    private MuteListLayer() {
    }

    /** The layer with {@code file} (validated when the props were built); a changed file makes a new version. */
    static LayerVersion of(Construct scope, Path file) {
        return LayerVersion.Builder.create(scope, "MuteListLayer")
                .description("irready mute list (accepted risks), read from " + PATH_IN_FUNCTION + " via "
                        + EnvironmentNames.IRREADY_MUTELIST_FILE)
                .code(Code.fromAsset(stage(file).toString()))
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .build();
    }

    /** A directory laid out as the layer unpacks under {@code /opt}; the asset hash is of its content. */
    private static Path stage(Path file) {
        try {
            Path dir = Files.createTempDirectory("irready-mutelist");
            Path target = dir.resolve("irready").resolve("mutelist.json");
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the mute list " + file + " for its layer", e);
        }
    }
}
