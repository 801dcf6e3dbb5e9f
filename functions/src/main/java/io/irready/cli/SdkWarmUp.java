package io.irready.cli;

import javax.net.ssl.SSLContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * Work every {@code scan} does before its first AWS call that depends on nothing the command line says,
 * started on a daemon thread before the command line is parsed, so that on a machine with more than
 * one core it overlaps picocli and the catalog: the SDK's region and service metadata (the first client
 * of any service loads all of it, several hundred classes) and the JDK's default TLS context (the
 * trust store the HTTP client's context reads). The main thread that needs either waits for a class
 * initialisation in progress instead of repeating it; a failure here is ignored (the real use reports it).
 */
final class SdkWarmUp {
    private SdkWarmUp() {
    }

    /** Starts the warm-up when {@code args} run a scan; returns at once. */
    static void startFor(String... args) {
        if (args.length == 0 || !"scan".equals(args[0])) {
            return;
        }
        Thread warmUp = new Thread(SdkWarmUp::warmUp, "irready-sdk-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void warmUp() {
        try {
            ServiceMetadata.of("sts").signingRegion(Region.US_EAST_1);
            SSLContext.getDefault();
        } catch (RuntimeException | java.security.NoSuchAlgorithmException ignored) {
            // only a head start: the scan does the same work again and reports what fails
        }
    }
}
