package io.irready.inventory.cloudtrail;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrailEvidenceCollectorTest {
    static final String PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private static final String TRAIL = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/main";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void readsTrailsWithShadowsAndTheStopTime() {
        aws.stub(jsonCall(PREFIX + "DescribeTrails").withRequestBody(containing("\"includeShadowTrails\":true"))
                .willReturn(json("""
                {"trailList":[{"Name":"main","TrailARN":"%s","HomeRegion":"eu-west-1","S3BucketName":"trail-bucket",
                  "KmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/k1","IsMultiRegionTrail":true,
                  "IncludeGlobalServiceEvents":true}]}""".formatted(TRAIL))));
        aws.stub(jsonCall(PREFIX + "GetTrailStatus").willReturn(json("""
                {"IsLogging":false,"StopLoggingTime":1.7642232E9,"StartLoggingTime":1.7E9}""")));

        TrailEvidenceInventory trails = TrailEvidenceCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(trails.trails()).containsExactly(new TrailEvidence("main", TRAIL, "eu-west-1",
                Optional.of("trail-bucket"), Optional.of("arn:aws:kms:eu-west-1:123456789012:key/k1")));
        assertThat(trails.stopLoggingTime(TRAIL)).contains(Instant.ofEpochSecond(1764223200L));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(jsonCall(PREFIX + "DescribeTrails").willReturn(jsonError(400, "AccessDeniedException", "no")));

        assertThatThrownBy(TrailEvidenceCollector.inventory(aws.clients(), AwsWire.REGION)::trails)
                .isInstanceOfSatisfying(AwsCallFailedException.class,
                        e -> assertThat(e.action()).isEqualTo("cloudtrail:DescribeTrails"));
    }
}
