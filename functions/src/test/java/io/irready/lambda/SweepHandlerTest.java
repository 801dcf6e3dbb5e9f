package io.irready.lambda;

import static io.irready.testing.CloudTrailAccounts.ACCOUNT;
import static io.irready.testing.CloudTrailAccounts.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.engine.SweepMode;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import io.irready.store.Transition;
import io.irready.testing.CloudTrailAccounts;
import io.irready.testing.Dynalite;
import io.irready.testing.SnsCapture;
import io.irready.testing.SnsCapture.Published;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SweepHandlerTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String LOGGING = "cloudtrail-logging-all-regions";
    static final String REGION_ID = ACCOUNT + "/" + REGION;

    Pipeline p;

    @BeforeEach
    void start() {
        p = new Pipeline(DYNALITE);
    }

    @AfterEach
    void stop() {
        p.close();
    }

    List<Published> messagesAbout(String checkId) {
        return p.sns.publishedTo(SnsCapture.TOPIC).stream()
                .filter(m -> checkId.equals(m.attributes().get("checkId"))).toList();
    }

    @Test
    void aFullSweepJudgesANewAccountStoresAScoreAndAlertsOncePerFailure() throws Exception {
        CloudTrailAccounts.stopped(p.aws);

        JsonNode outcome = new ObjectMapper().readTree(p.sweep("{\"mode\":\"full\"}"));

        assertThat(outcome.get("mode").asText()).isEqualTo("FULL");
        assertThat(outcome.get("account").asText()).as("from STS GetCallerIdentity").isEqualTo(ACCOUNT);
        assertThat(outcome.at("/regions/0/region").asText()).isEqualTo(REGION);
        double score = outcome.at("/regions/0/score").asDouble();
        assertThat(score).isBetween(0.0, 99.0);
        assertThat(p.store.queries().findings(ACCOUNT, REGION)).extracting(StoredFinding::checkId)
                .contains(LOGGING, "cloudtrail-management-events", "cloudtrail-bucket-retention");
        assertThat(p.store.queries().get(ACCOUNT, REGION, LOGGING, REGION_ID).orElseThrow().changedBy()).isEmpty();
        // none -> FAIL alerts (a new account is judged on its first sweep); none -> PASS is silent
        assertThat(p.sns.published()).extracting(m -> m.attributes().get("status")).containsOnly("FAIL");
        assertThat(messagesAbout(LOGGING)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Found by a scheduled sweep"));
        assertThat(p.store.scores().scores(ACCOUNT, REGION)).singleElement()
                .satisfies(point -> assertThat(point.score().score()).isEqualTo(score));

        int sent = p.sns.published().size();
        p.sweep("{\"mode\":\"full\"}");

        assertThat(p.sns.published()).as("nothing changed, nothing sent").hasSize(sent);
        assertThat(p.store.scores().scores(ACCOUNT, REGION)).hasSize(2);
        assertThat(p.logs()).contains("\"Function\":\"event\"", "\"HandlerLatency\"", "\"message\":\"region swept\"");
        // the dashboard's failing-findings-by-severity graph: the stopped trail is the one CRITICAL failure
        assertThat(p.logs()).contains("\"Severity\":\"CRITICAL\",\"FailingFindings\":1}",
                "\"Severity\":\"LOW\",\"FailingFindings\":0}");
    }

    @Test
    void aCriticalSweepEvaluatesOnlyCriticalChecks() {
        CloudTrailAccounts.stopped(p.aws);

        p.sweep("{\"mode\":\"critical\"}");

        assertThat(p.store.queries().findings(ACCOUNT, REGION)).extracting(StoredFinding::checkId).containsOnly(LOGGING);
        assertThat(p.store.queries().findings(ACCOUNT, REGION)).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void theSweepPublishesATransitionACrashLeftUnsentExactlyOnce() throws Exception {
        CloudTrailAccounts.stopped(p.aws);
        // an event invocation stored this transition and died before publishing it
        Instant observedAt = Instant.now().minusSeconds(60);
        Transition stored = p.store.findings().record(new Evaluation(ACCOUNT, REGION, observedAt, Scope.REGION, List.of(),
                List.of(new Finding(LOGGING, Severity.CRITICAL, ACCOUNT, REGION, REGION_ID, Status.FAIL,
                        "No multi-region trail is logging eu-west-1.", observedAt))), Optional.empty())
                .transitions().get(0);
        assertThat(p.sns.published()).isEmpty();

        JsonNode first = new ObjectMapper().readTree(p.sweep("{\"mode\":\"critical\"}"));
        p.sweep("{\"mode\":\"critical\"}");

        assertThat(first.get("republished").asInt()).isEqualTo(1);
        assertThat(messagesAbout(LOGGING)).singleElement()
                .satisfies(m -> assertThat(m.structured().get("id").asText()).isEqualTo(stored.transitionId()));
        assertThat(p.store.queries().get(ACCOUNT, REGION, LOGGING, REGION_ID).orElseThrow().status()).isEqualTo(FindingState.FAIL);
        assertThat(p.store.outbox().unsent()).isEmpty();
    }

    @Test
    void sweepsAcrossRegionsInParallelAndReportsThemInTheConfiguredOrder() throws Exception {
        List<String> regions = List.of("us-west-2", REGION, "ap-southeast-2", "eu-central-1", "us-east-1");
        p.close();
        p = new Pipeline(DYNALITE, config -> config.regions(regions));
        CloudTrailAccounts.stopped(p.aws);
        // answers arrive in no particular order, so regions finish in no particular order
        p.aws.server().updateGlobalSettings(com.github.tomakehurst.wiremock.global.GlobalSettings.builder()
                .delayDistribution(new com.github.tomakehurst.wiremock.http.UniformDistribution(0, 40)).build());

        JsonNode outcome = new ObjectMapper().readTree(p.sweep("{\"mode\":\"critical\"}"));

        assertThat(outcome.get("regions")).extracting(r -> r.get("region").asText()).containsExactlyElementsOf(regions);
        assertThat(outcome.get("failedRegions")).isEmpty();
        for (String region : regions) {
            assertThat(p.store.queries().findings(ACCOUNT, region)).extracting(StoredFinding::checkId)
                    .containsExactly(LOGGING);
            assertThat(p.store.scores().scores(ACCOUNT, region)).hasSize(1);
        }
    }

    @Test
    void theModeComesFromTheScheduleInput() {
        assertThat(p.sweeps.mode("{\"mode\":\"critical\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SweepMode.CRITICAL);
        assertThat(p.sweeps.mode("{\"mode\":\"FULL\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(SweepMode.FULL);
        assertThat(p.sweeps.mode(new byte[0])).isEqualTo(SweepMode.FULL);
        assertThat(p.sweeps.mode("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(SweepMode.FULL);
        assertThatThrownBy(() -> p.sweeps.mode("{\"mode\":\"everything\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown sweep mode 'everything'");
    }

    @Test
    void primingParsesAndRoutesTheBundledEventWithoutCallingAws() {
        assertThat(Priming.eventPath(p.engine)).isPositive();
        assertThat(p.aws.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).isEmpty();
    }

    @Test
    void primingBuildsTheClientsOfEveryServiceTheFunctionsCallWithoutCallingAws() {
        io.irready.inventory.AwsClients clients = p.aws.clients();

        assertThat(Priming.clients(clients, "eu-west-1")).isEqualTo(18);
        var store = clients.shared(software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder, "eu-west-1");
        assertThat(Priming.clients(clients, "eu-west-1")).isEqualTo(18);
        assertThat(clients.shared(software.amazon.awssdk.services.dynamodb.DynamoDbClient::builder, "eu-west-1"))
                .as("primed twice: the same clients").isSameAs(store);
        assertThat(p.aws.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).isEmpty();
    }

    @Test
    void eventsOutsideTheWatchedRegionsAreSweptFromHomeWhateverTheHomeRegion() throws Exception {
        p.close();
        // home and only watched region eu-west-1: CloudFront is judged from us-east-1 all the same
        p = Pipeline.configured(DYNALITE, b -> b.disabledChecks(io.irready.checks.Catalog.registry().all().stream()
                .map(io.irready.core.Check::id).filter(id -> !id.equals("cloudfront-access-logging"))
                .collect(java.util.stream.Collectors.toSet())));
        CloudTrailAccounts.callerIdentity(p.aws);
        String distribution = "<DistributionSummary><Id>E1</Id><ARN>arn:aws:cloudfront::123456789012:distribution/E1"
                + "</ARN><ETag>EE1</ETag><Status>Deployed</Status><LastModifiedTime>2025-01-01T00:00:00Z"
                + "</LastModifiedTime><DomainName>e1.cloudfront.net</DomainName><Aliases><Quantity>0</Quantity>"
                + "</Aliases><DefaultCacheBehavior><TargetOriginId>origin</TargetOriginId><ViewerProtocolPolicy>"
                + "redirect-to-https</ViewerProtocolPolicy><RealtimeLogConfigArn>arn:aws:cloudfront::123456789012:"
                + "realtime-log-config/edge</RealtimeLogConfigArn></DefaultCacheBehavior><Enabled>true</Enabled>"
                + "<Staging>false</Staging></DistributionSummary>";
        p.aws.stub(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/2020-05-31/distribution"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/xml").withBody("<?xml version=\"1.0\"?><DistributionList "
                                + "xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Marker></Marker>"
                                + "<MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>1</Quantity>"
                                + "<Items>" + distribution + "</Items></DistributionList>")));

        JsonNode outcome = new ObjectMapper().readTree(p.sweep("{\"mode\":\"full\"}"));

        assertThat(outcome.at("/regions").findValuesAsText("region")).containsExactly(REGION);
        assertThat(p.store.queries().findings(ACCOUNT, "us-east-1")).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("cloudfront-access-logging");
            assertThat(f.resourceId()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/E1");
            assertThat(f.status()).as(f.reason()).isEqualTo(FindingState.PASS);
        });
        assertThat(p.store.scores().scores(ACCOUNT, "us-east-1")).as("us-east-1 is not a watched region").isEmpty();
    }
}
