package io.irready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.bench.Fixtures;
import io.irready.bench.LocalAuditor;
import io.irready.demo.LocalDynamo;
import io.irready.lambda.EventHandler;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import io.irready.store.FindingQueries;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service events and narrowed routes through the Lambda's event handler, wired as on Lambda, over the
 * simulated demo account (reads, SNS) and dynalite (findings): what is stored, and the AWS calls it took.
 */
class ServiceEventsEndToEndTest {
    /** The demo trail's customer managed key, which also protects the forensic log groups. */
    private static final String TRAIL_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    /** Lambda's ListFunctions as the simulator counts REST calls. */
    private static final String LIST_FUNCTIONS = "lambda:GET /2015-03-31/functions";

    private final SimulatedAccount account = AccountGenerator.demo();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private AwsSimulator sim;
    private LocalDynamo dynamo;
    private EventHandler handler;
    private FindingQueries findings;

    @BeforeEach
    void start() throws Exception {
        sim = new AwsSimulator(account);
        dynamo = LocalDynamo.start(Path.of("..").toAbsolutePath().normalize(), LocalAuditor.TABLE);
        URI dynamoEndpoint = dynamo.client().serviceClientConfiguration().endpointOverride().orElseThrow();
        handler = LocalAuditor.handler(sim.endpoint(), dynamoEndpoint, account.account, account.region,
                new PrintStream(logs, true, StandardCharsets.UTF_8));
        findings = new FindingQueries(dynamo.client(), LocalAuditor.TABLE);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void aKeyDeletedAtTheEndOfItsWaitingPeriodFailsTheTrailAndEvidenceChecksInsteadOfClosingThem() {
        String keyArn = account.keyArn(TRAIL_KEY_ID);
        handle(fixture("kms/EnableKey.record.json"));
        assertThat(status("cloudtrail-kms-encryption", AccountGenerator.TRAIL)).isEqualTo(FindingState.PASS);
        assertThat(status("evidence-decryptable", keyArn)).isEqualTo(FindingState.PASS);
        assertThat(stored("logs-kms-encryption")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));

        // the waiting period ends: KMS deletes the key (DescribeKey now answers NotFoundException) and
        // reports it as a service event whose request is null
        account.keys.remove(TRAIL_KEY_ID);
        sim.resetCalls();
        handle(fixture("kms/DeleteKey.envelope.json"));

        StoredFinding trail = finding("cloudtrail-kms-encryption", AccountGenerator.TRAIL);
        assertThat(trail.status()).isEqualTo(FindingState.FAIL);
        assertThat(trail.reason()).contains(keyArn, "no longer exists");
        assertThat(trail.changedBy()).hasValueSatisfying(c -> assertThat(c.eventName()).isEqualTo("DeleteKey"));
        // the key is gone, but the evidence it protected is not: its finding fails, it is never closed
        StoredFinding evidence = finding("evidence-decryptable", keyArn);
        assertThat(evidence.status()).isEqualTo(FindingState.FAIL);
        assertThat(evidence.reason()).contains("does not exist", "trail " + AccountGenerator.TRAIL);
        assertThat(stored("logs-kms-encryption")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FindingState.FAIL));
        assertThat(sim.published()).as("the transitions were alerted").isNotEmpty();
        assertThat(sim.calls()).containsKey("kms:DescribeKey");
    }

    @Test
    void retireGrantWithoutAKeyIdMakesNoAwsCallAndIsLoggedAndCounted() {
        sim.resetCalls();
        handle(fixture("kms/RetireGrant-grantToken.record.json"));

        assertThat(sim.totalCalls()).as("AWS calls for a RetireGrant that names no key: " + sim.calls()).isZero();
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("event names no resource for some checks; the sweep re-judges them")
                .contains("\"RoutesWithoutResource\":2");

        // denied, it reads nothing either, but is alerted as an attempt on the evidence keys
        sim.resetCalls();
        handle(withEventId(fixture("kms/RetireGrant-grantToken.record.json"), "6a2e4c1f-7b3d-4e5a-9f0c-1d2b3a4c5e6f",
                "6a2e4c1f-7b3d-4e5a-9f0c-1d2b3a4c5e70")
                .replace("\"responseElements\": null,", "\"responseElements\": null,\n  \"errorCode\": \"AccessDeniedException\","));
        assertThat(sim.calls()).as(String.valueOf(sim.calls())).containsOnlyKeys("sns:Publish");
        assertThat(sim.published()).anySatisfy(m -> assertThat(m.toString()).contains("RetireGrant")
                .contains("evidence-decryptable"));

        // the same call naming its key re-judges that key (and the trails that use one), not every key
        sim.resetCalls();
        handle(fixture("kms/RetireGrant.record.json"));
        assertThat(sim.calls().getOrDefault("kms:DescribeKey", 0L)).isEqualTo(1L);
        assertThat(stored("evidence-decryptable")).extracting(StoredFinding::resourceId)
                .containsExactly(account.keyArn(TRAIL_KEY_ID));
    }

    @Test
    void anIamRoleEventReevaluatesLambdaCanWriteLogsOnlyForTheFunctionsThatUseThatRole() {
        // thumbnailer-role is the execution role of the thumbnailer function only (ingest runs as ingest-role)
        sim.resetCalls();
        handle(fixture("iam/PutRolePolicy.record.json").replace("ingest-lambda", "thumbnailer-role"));

        assertThat(sim.calls()).as("one simulation, for the one role changed: " + sim.calls())
                .containsEntry("iam:SimulatePrincipalPolicy", 1L).containsEntry(LIST_FUNCTIONS, 1L);
        assertThat(stored("lambda-can-write-logs")).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).endsWith(":function:thumbnailer");
            assertThat(f.status()).isEqualTo(FindingState.FAIL);
        });

        // a role no function runs as: the functions are listed, nothing is simulated or judged
        sim.resetCalls();
        handle(withEventId(fixture("iam/PutRolePolicy.record.json"), "6f8a0c2e-4b6d-4f8a-a0c2-6e8a0c2e4b6d",
                "7f8a0c2e-4b6d-4f8a-a0c2-6e8a0c2e4b6e"));

        assertThat(sim.calls()).as(String.valueOf(sim.calls())).doesNotContainKey("iam:SimulatePrincipalPolicy")
                .containsEntry(LIST_FUNCTIONS, 1L);
        assertThat(stored("lambda-can-write-logs")).hasSize(1);
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("the changed role is used by nothing these checks judge here")
                .contains("\"RoleTargetsUnused\":1");
    }

    private void handle(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\"");
    }

    private static String fixture(String name) {
        return fixtures().forDemoAccount(name);
    }

    private static String withEventId(String event, String from, String to) {
        return Fixtures.withEventId(event, from, to);
    }

    private static Fixtures fixtures() {
        try {
            return new Fixtures(Path.of(ServiceEventsEndToEndTest.class.getResource("/events/cloudtrail").toURI())
                    .getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredFinding> stored(String checkId) {
        return findings.findings(account.account, account.region).stream()
                .filter(f -> f.checkId().equals(checkId)).toList();
    }

    private StoredFinding finding(String checkId, String resourceFragment) {
        return stored(checkId).stream().filter(f -> f.resourceId().contains(resourceFragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + checkId + " finding about " + resourceFragment + " in "
                        + stored(checkId)));
    }

    private FindingState status(String checkId, String resourceFragment) {
        return finding(checkId, resourceFragment).status();
    }
}
