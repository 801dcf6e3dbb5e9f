package io.irready.events;

import io.irready.checks.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.testing.EventFixtures;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules infra generates must deliver every routed event and nothing that only looks like one.
 * A tiny matcher implements the EventBridge semantics the patterns use: a field matches when its value
 * equals one of the strings, or matches one of the {@code {"wildcard": …}} entries ({@code *} = any run).
 */
class EventBridgePatternsTest {
    private final RouteTable table = Catalog.routeTable();
    private final List<Map<String, Object>> patterns = EventBridgePatterns.of(table);

    @Test
    void onePatternPerAwsSourceInTheExactShapeInfraTurnsIntoRules() throws Exception {
        assertThat(patterns).extracting(p -> p.get("source")).containsExactly(
                List.of("aws.apigateway"),
                List.of("aws.bedrock"),
                List.of("aws.cloudfront"), List.of("aws.cloudtrail"), List.of("aws.config"), List.of("aws.ec2"),
                List.of("aws.eks"),
                List.of("aws.elasticloadbalancing"),
                List.of("aws.events"), List.of("aws.guardduty"), List.of("aws.iam"), List.of("aws.kms"),
                List.of("aws.lambda"), List.of("aws.logs"),
                List.of("aws.network-firewall"),
                List.of("aws.organizations"), List.of("aws.rds"),
                List.of("aws.route53resolver"), List.of("aws.s3"), List.of("aws.sns"), List.of("aws.ssm"),
                List.of("aws.wafv2"));
        String ec2 = new ObjectMapper().writeValueAsString(patterns.stream()
                .filter(p -> p.get("source").equals(List.of("aws.ec2"))).findFirst().orElseThrow());
        assertThat(ec2).startsWith("{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventSource\":[\"ec2.amazonaws.com\"],\"eventName\":[\"AssociateIamInstanceProfile\",");
        for (Map<String, Object> pattern : patterns) {
            // EventBridge limits an event pattern to 2048 characters
            assertThat(new ObjectMapper().writeValueAsString(pattern).length()).isLessThan(2048);
        }
    }

    @Test
    void serviceEventsViaCloudTrailAreDeliveredByTheKmsRuleAndNoOtherRuleListsTheirDetailType() {
        Map<String, Object> kms = patterns.stream().filter(p -> p.get("source").equals(List.of("aws.kms")))
                .findFirst().orElseThrow();
        assertThat(kms.get("detail-type")).isEqualTo(List.of("AWS API Call via CloudTrail",
                "AWS Service Event via CloudTrail"));
        assertThat(delivered(CloudTrailEvent.SERVICE_EVENT_DETAIL_TYPE, "aws.kms", "kms.amazonaws.com", "DeleteKey"))
                .isTrue();
        assertThat(delivered(CloudTrailEvent.SERVICE_EVENT_DETAIL_TYPE, "aws.kms", "kms.amazonaws.com",
                "DeleteExpiredKeyMaterial")).isTrue();
        // no other source has a service-event route: its rule keeps to API calls
        assertThat(patterns).filteredOn(p -> !p.get("source").equals(List.of("aws.kms")))
                .allSatisfy(p -> assertThat(p.get("detail-type")).isEqualTo(List.of(CloudTrailEvent.DETAIL_TYPE)));
        assertThat(delivered(CloudTrailEvent.SERVICE_EVENT_DETAIL_TYPE, "aws.ec2", "ec2.amazonaws.com",
                "DeleteFlowLogs")).isFalse();
    }

    @Test
    void versionedServicesGetAWildcardPerNameOthersOnlyExactNames() {
        assertThat(names("aws.lambda")).contains("CreateFunction", Map.of("wildcard", "CreateFunction20*"),
                Map.of("wildcard", "UpdateFunctionConfiguration20*"));
        assertThat(names("aws.cloudfront")).contains(Map.of("wildcard", "UpdateDistribution20*"));
        assertThat(names("aws.ec2")).allMatch(n -> n instanceof String);
        assertThat(names("aws.s3")).allMatch(n -> n instanceof String);
    }

    @Test
    void everyRoutedFixtureIsDeliveredByARule() {
        for (String fixture : EventFixtures.allSingleEvents()) {
            CloudTrailEvent event = RouteTableTest.event(fixture);
            if (table.route(event).routed()) {
                assertThat(delivered(event.detailType(), event.source(), event.eventSource(), event.eventName()))
                        .as(fixture).isTrue();
            }
        }
    }

    @Test
    void everyTableNameAndItsVersionedFormsAreDelivered() {
        for (Route route : table.routes()) {
            if (AlarmStateChange.isAlarmRoute(route)) {
                continue; // the deployment's alarm-state rule delivers these (ReadinessAuditor), not a CloudTrail pattern
            }
            for (String name : route.eventNames()) {
                assertThat(delivered(route.detailType(), route.source(), route.eventSource(), name)).as(name).isTrue();
                if (EventBridgePatterns.VERSIONED_SOURCES.contains(route.source())) {
                    assertThat(delivered(route.source(), route.eventSource(), name + "20150331")).isTrue();
                    assertThat(delivered(route.source(), route.eventSource(), name + "2020_05_31")).isTrue();
                    assertThat(delivered(route.source(), route.eventSource(), name + "20150331v2")).isTrue();
                }
            }
        }
    }

    @Test
    void lookAlikesAreNotDelivered() {
        assertThat(delivered("aws.s3", "s3.amazonaws.com", "DeleteBucketCors")).isFalse();
        assertThat(delivered("aws.ec2", "ec2.amazonaws.com", "CreateVpcEndpoint")).isFalse();
        assertThat(delivered("aws.rds", "rds.amazonaws.com", "ModifyDBClusterSnapshotAttribute")).isFalse();
        assertThat(delivered("aws.lambda", "lambda.amazonaws.com", "CreateFunctionUrlConfig20211031")).isFalse();
        assertThat(delivered("aws.lambda", "lambda.amazonaws.com", "UpdateFunctionCode20150331v2")).isFalse();
        assertThat(delivered("aws.lambda", "lambda.amazonaws.com", "DeleteFunctionUrlConfig20211031")).isFalse();
        assertThat(delivered("aws.cloudfront", "cloudfront.amazonaws.com",
                "UpdateDistributionWithStagingConfig2020_05_31")).isFalse();
        assertThat(delivered("aws.cloudtrail", "cloudtrail.amazonaws.com", "GetTrailStatus")).isFalse();
        assertThat(delivered("aws.ec2", "s3.amazonaws.com", "DeleteFlowLogs")).as("wrong event source").isFalse();
    }

    private List<Object> names(String source) {
        return patterns.stream().filter(p -> p.get("source").equals(List.of(source)))
                .map(p -> List.<Object>copyOf((List<?>) ((Map<?, ?>) p.get("detail")).get("eventName"))).findFirst().orElseThrow();
    }

    private boolean delivered(String source, String eventSource, String eventName) {
        return delivered(CloudTrailEvent.DETAIL_TYPE, source, eventSource, eventName);
    }

    private boolean delivered(String detailType, String source, String eventSource, String eventName) {
        return patterns.stream().anyMatch(p -> matches(p.get("source"), source)
                && matches(p.get("detail-type"), detailType)
                && matches(((Map<?, ?>) p.get("detail")).get("eventSource"), eventSource)
                && matches(((Map<?, ?>) p.get("detail")).get("eventName"), eventName));
    }

    private static boolean matches(Object matchers, String value) {
        for (Object matcher : (List<?>) matchers) {
            if (matcher instanceof String exact && exact.equals(value)) {
                return true;
            }
            if (matcher instanceof Map<?, ?> m && m.get("wildcard") instanceof String wildcard
                    && wildcardRegex(wildcard).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern wildcardRegex(String wildcard) {
        StringBuilder regex = new StringBuilder();
        for (String part : wildcard.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
