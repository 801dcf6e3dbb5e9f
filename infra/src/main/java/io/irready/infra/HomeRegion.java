package io.irready.infra;

import java.util.List;
import java.util.Optional;

/**
 * Where irready's engine runs, chosen predictably: {@code -c homeRegion} when given, else the first of
 * {@code -c regions} (the list the reader wrote, in the order they wrote it), else the deploying credentials'
 * region ({@code CDK_DEFAULT_REGION}). Never CDK's fallback us-east-1 ahead of an explicit list: a deployment
 * whose regions say eu-west-1 must not quietly run its engine in us-east-1 because a profile says so.
 *
 * @param region the home region
 * @param why    how it was chosen, printed at synth
 */
record HomeRegion(String region, String why) {

    static HomeRegion choose(Optional<String> homeRegion, List<String> regions, Optional<String> credentialsRegion) {
        if (homeRegion.isPresent()) {
            return new HomeRegion(homeRegion.get(), "given with -c homeRegion");
        }
        if (!regions.isEmpty()) {
            return new HomeRegion(regions.get(0), "the first of -c regions (" + String.join(",", regions) + ")");
        }
        return credentialsRegion.map(r -> new HomeRegion(r, "the deploying credentials' region (CDK_DEFAULT_REGION); "
                        + "pass -c homeRegion=<region> to choose another"))
                .orElseThrow(() -> new IllegalArgumentException("irready cannot tell its home region: pass "
                        + "-c homeRegion=eu-west-1 (or -c regions=…, whose first is home), or configure an AWS region "
                        + "(AWS_REGION or your profile)"));
    }

    /** The line synth prints on stderr, so the reader sees which region the engine will run in and why. */
    String announcement() {
        return "irready: home region " + region + " — " + why;
    }
}
