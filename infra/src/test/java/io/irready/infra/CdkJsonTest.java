package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.FeatureFlags;

/**
 * cdk.json pins the CDK feature flags the templates depend on, so that a newer aws-cdk-lib cannot change a
 * key policy, a policy's shape or a function version under a deployed stack; and the pinned values are the ones
 * the template tests synthesize with (they build the app without cdk.json), so the tests see what deploys.
 */
class CdkJsonTest {
    /** The flags that shape irready's resources: policies, key policies, service principals, versions, layers. */
    static final List<String> RELIED_ON = List.of(
            "@aws-cdk/aws-iam:minimizePolicies",
            "@aws-cdk/aws-iam:standardizedServicePrincipals",
            "@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope",
            "@aws-cdk/aws-lambda:recognizeVersionProps",
            "@aws-cdk/aws-lambda:recognizeLayerVersion",
            "@aws-cdk/aws-events:eventsTargetQueueSameAccount",
            "@aws-cdk/aws-sns-subscriptions:restrictSqsDescryption",
            "@aws-cdk/aws-cloudwatch-actions:changeLambdaPermissionLogicalIdForLambdaAction");

    static JsonNode cdkJson() throws IOException {
        return new ObjectMapper().readTree(Path.of("..", "cdk.json").toFile());
    }

    @Test
    void infraHygieneCdkJsonPinsTheFeatureFlagsTheAppReliesOn() throws IOException {
        JsonNode context = cdkJson().path("context");
        App testedWith = new App();
        Map<String, Boolean> effective = new TreeMap<>();
        RELIED_ON.forEach(flag -> effective.put(flag, FeatureFlags.of(testedWith).isEnabled(flag)));
        for (String flag : RELIED_ON) {
            assertThat(context.has(flag)).as(flag + " pinned in cdk.json; effective here: " + effective)
                    .isTrue();
            assertThat(context.get(flag).asBoolean()).as(flag + ": cdk.json must pin what the tests synthesize with")
                    .isEqualTo(effective.get(flag));
        }
    }
}
