package io.irready.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.checks.Catalog;
import io.irready.core.Scope;
import io.irready.testing.EventFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What AWS does by itself reaches EventBridge as "AWS Service Event via CloudTrail": KMS deleting a key at
 * the end of its waiting period, or expired key material. Such an event has no request; it names the key in
 * {@code resources[]} (and, since December 2022, {@code responseElements.keyId}).
 */
class ServiceEventRoutesTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/0f4b2a8e-6c1d-4a55-9e3b-2d7c8e1f9a01";
    private static final List<String> KEY_AND_EVIDENCE_CHECKS = List.of("cloudtrail-kms-encryption",
            "evidence-decryptable", "logs-kms-encryption");

    private final RouteTable table = Catalog.routeTable();
    private final EventParser parser = new EventParser();

    @Test
    void serviceEventsViaCloudTrailAreParsedKeptAsSuchAndRoutedToTheKeyAndEvidenceChecks() throws Exception {
        CloudTrailEvent deleteKey = RouteTableTest.event("kms/DeleteKey.envelope.json");

        assertThat(deleteKey.detailType()).isEqualTo("AWS Service Event via CloudTrail");
        assertThat(deleteKey.serviceEvent()).isTrue();
        assertThat(deleteKey.requestParameters().isNull()).isTrue();
        // the delayed re-check and the SQS path rebuild the envelope: it must stay a service event
        assertThat(deleteKey.toEnvelope().get("detail-type").asText()).isEqualTo("AWS Service Event via CloudTrail");
        assertThat(((CloudTrailEvent) parser.parse(deleteKey.toEnvelope()).getFirst()).serviceEvent()).isTrue();

        RoutingDecision decision = table.route(deleteKey);
        Map<String, Scope> scopes = decision.targets().stream()
                .collect(Collectors.toMap(CheckTarget::checkId, CheckTarget::scope));
        assertThat(decision.checkIds()).containsExactlyElementsOf(KEY_AND_EVIDENCE_CHECKS);
        assertThat(scopes.get("evidence-decryptable")).isEqualTo(Scope.of(Set.of(KEY)));
        // the event names a key, not a trail or a group: those are judged over the region (they read the key)
        assertThat(scopes.get("cloudtrail-kms-encryption")).isEqualTo(Scope.REGION);
        assertThat(scopes.get("logs-kms-encryption")).isEqualTo(Scope.REGION);
        assertThat(decision.tamperAttempt()).isFalse();
    }

    @Test
    void aRawServiceEventRecordTakesItsDetailTypeFromEventTypeAndNamesTheKeyInResourcesOnly() {
        CloudTrailEvent old = RouteTableTest.event("kms/DeleteKey-resources-only.record.json");
        CloudTrailEvent expired = RouteTableTest.event("kms/DeleteExpiredKeyMaterial.record.json");

        assertThat(old.serviceEvent()).isTrue();
        assertThat(old.responseElements().isNull()).isTrue();
        assertThat(table.route(old).resourceIds()).containsExactly(KEY);
        assertThat(expired.serviceEvent()).isTrue();
        assertThat(table.route(expired).checkIds()).containsExactlyElementsOf(KEY_AND_EVIDENCE_CHECKS);
        assertThat(table.route(expired).resourceIds()).containsExactly(KEY);
    }

    @Test
    void aServiceEventRouteMatchesServiceEventsOnlyAndAnApiCallRouteApiCallsOnly() throws Exception {
        ObjectNode forged = (ObjectNode) new ObjectMapper().readTree(EventFixtures.read("kms/DeleteKey.envelope.json"));
        forged.put("detail-type", "AWS API Call via CloudTrail");
        ((ObjectNode) forged.get("detail")).put("eventType", "AwsApiCall");
        CloudTrailEvent asCall = (CloudTrailEvent) parser.parse(forged).getFirst();

        assertThat(asCall.serviceEvent()).isFalse();
        assertThat(table.route(asCall).routed()).as("KMS has no DeleteKey API: a call by that name is not the deletion")
                .isFalse();

        ObjectNode disable = (ObjectNode) new ObjectMapper().readTree(EventFixtures.read("kms/ScheduleKeyDeletion.envelope.json"));
        disable.put("detail-type", "AWS Service Event via CloudTrail");
        assertThat(table.route((CloudTrailEvent) parser.parse(disable).getFirst()).routed()).isFalse();
    }

    @Test
    void otherDetailTypesAreStillMalformed() {
        String insight = EventFixtures.read("kms/DeleteKey.envelope.json")
                .replace("AWS Service Event via CloudTrail", "CloudTrail Insight");

        assertThat(parser.parse(insight)).singleElement().isInstanceOfSatisfying(MalformedEvent.class, bad ->
                assertThat(bad.reason()).contains("is not 'AWS API Call via CloudTrail' or "
                        + "'AWS Service Event via CloudTrail'"));
    }

    @Test
    void everyServiceEventRouteIsAKmsRouteWithExtractorsOrARegionRoute() {
        List<Route> serviceRoutes = table.routes().stream().filter(Route::serviceEvent).toList();

        assertThat(serviceRoutes).extracting(Route::checkId).containsExactlyInAnyOrderElementsOf(KEY_AND_EVIDENCE_CHECKS);
        assertThat(serviceRoutes).allSatisfy(r -> assertThat(r.eventNames())
                .containsExactly("DeleteKey", "DeleteExpiredKeyMaterial"));
    }

    @Test
    void retireGrantWithoutAKeyIdReevaluatesNothingAndSaysSo() {
        RoutingDecision byToken = table.route(RouteTableTest.event("kms/RetireGrant-grantToken.record.json"));
        RoutingDecision byKey = table.route(RouteTableTest.event("kms/RetireGrant.record.json"));

        assertThat(byToken.routed()).isFalse();
        assertThat(byToken.unnamed()).containsExactly("cloudtrail-kms-encryption", "evidence-decryptable");
        assertThat(byToken.ignoredBecause()).hasValueSatisfying(why -> assertThat(why)
                .contains("kms.amazonaws.com RetireGrant names no resource").contains("left to the sweep"));
        assertThat(byToken.tamperAttempt()).isFalse();
        // denied, it still is an attempt on evidence keys, though it names none
        RoutingDecision denied = table.route(RouteTableTest.withError(
                RouteTableTest.event("kms/RetireGrant-grantToken.record.json"), "AccessDeniedException"));
        assertThat(denied.routed()).isFalse();
        assertThat(denied.tamperAttempt()).isTrue();
        // with the key in resources[], the key's evidence check is scoped to it
        assertThat(byKey.unnamed()).isEmpty();
        assertThat(byKey.targets()).filteredOn(t -> t.checkId().equals("evidence-decryptable")).singleElement()
                .extracting(CheckTarget::scope).isEqualTo(Scope.of(Set.of(KEY)));
    }

    @Test
    void aRoleEventReachesLambdaCanWriteLogsByRoleNameOnlyWhileNoOtherRouteWidensIt() {
        RoutingDecision decision = table.route(RouteTableTest.event("iam/PutRolePolicy.record.json"));

        CheckTarget lambda = decision.targets().stream().filter(t -> t.checkId().equals("lambda-can-write-logs"))
                .findFirst().orElseThrow();
        assertThat(lambda.byRole()).isTrue();
        assertThat(lambda.roleNames()).containsExactly("orders-api-lambda");
        // checks without a role resolution are never narrowed by role
        assertThat(decision.targets()).filteredOn(t -> !t.checkId().equals("lambda-can-write-logs"))
                .allSatisfy(t -> assertThat(t.byRole()).isFalse());
    }
}
