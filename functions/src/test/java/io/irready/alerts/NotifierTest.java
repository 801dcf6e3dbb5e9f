package io.irready.alerts;

import static io.irready.testing.SnsCapture.INTEGRITY_TOPIC;
import static io.irready.testing.SnsCapture.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.store.ChangedBy;
import io.irready.store.RecordResult;
import io.irready.store.Store;
import io.irready.store.TamperAttempt;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import io.irready.testing.Dynalite;
import io.irready.testing.SnsCapture;
import io.irready.testing.SnsCapture.Published;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sns.SnsClient;

class NotifierTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String ACCOUNT = AwsWire.ACCOUNT;
    static final String REGION = AwsWire.REGION;
    static final String VPC = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0aaa";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final ChangedBy DELETE = new ChangedBy("DeleteFlowLogs", "ev-1", "arn:aws:iam::123456789012:user/mallory",
            "203.0.113.7", "aws-cli/2.15.0 Python/3.11", "2026-11-27T09:59:58Z");
    static final String HOSTILE = "<!channel> *URGENT* <http://evil.example|Open the AWS console>\u202E\u0007 "
            + "x".repeat(700);

    /** A check with real metadata, so that messages carry a rationale and a remediation. */
    record FlowLogsCheck(String id, Severity severity) implements Check {
        @Override
        public CheckMetadata metadata() {
            return new CheckMetadata(id, "VPC flow logs are enabled", severity, "vpc", "AWS::EC2::VPC",
                    Granularity.RESOURCE, "Without flow logs nobody can tell which hosts an intruder talked to.",
                    new CheckMetadata.Remediation("VPC console > Your VPCs > Flow logs > Create flow log.",
                            "aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL"),
                    List.of("ec2:DescribeFlowLogs"), null);
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            return List.of();
        }
    }

    static final CheckRegistry REGISTRY = new CheckRegistry(List.of(
            new FlowLogsCheck("vpc-flow-logs-enabled", Severity.HIGH),
            new FlowLogsCheck("auditor-integrity", Severity.CRITICAL)));

    final AwsWire aws = new AwsWire();
    SnsCapture sns;
    String table;
    Store store;
    Notifier notifier;

    @BeforeEach
    void setUp() {
        sns = new SnsCapture(aws);
        table = DYNALITE.newTable();
        store = store(DYNALITE.client());
        notifier = notifier(store, Optional.empty());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    Store store(DynamoDbClient client) {
        return Store.open(client, table, Config.defaults(), Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC));
    }

    Notifier notifier(Store s, Optional<String> integrityTopic) {
        return new Notifier(aws.clients().build(SnsClient.builder(), REGION), TOPIC, integrityTopic, s.outbox(), s.ledger(),
                REGISTRY);
    }

    static Evaluation evaluation(String check, String resource, Status status, Instant at) {
        return new Evaluation(ACCOUNT, REGION, at, Scope.REGION, List.of(), List.of(new Finding(check, Severity.HIGH,
                ACCOUNT, REGION, resource, status, "VPC " + resource + " has no flow log.", at)));
    }

    RecordResult record(String resource, Status status, Instant at, Optional<ChangedBy> trigger) {
        return store.findings().record(evaluation("vpc-flow-logs-enabled", resource, status, at), trigger);
    }

    @Test
    void oneStructuredMessagePerTransitionWithWhoWhatWhyAndHow() {
        RecordResult result = record(VPC, Status.FAIL, T0, Optional.of(DELETE));

        Notifier.Delivery delivery = notifier.publish(result.transitions(), false);

        assertThat(delivery).isEqualTo(new Notifier.Delivery(1, 0));
        Published message = sns.published().get(0);
        assertThat(sns.published()).hasSize(1);
        assertThat(message.field("TopicArn")).isEqualTo(TOPIC);
        assertThat(message.field("MessageStructure")).isEqualTo("json");
        assertThat(message.field("Subject"))
                .isEqualTo("[irready HIGH] Readiness dropped: vpc-flow-logs-enabled on vpc-0aaa");
        assertThat(message.attributes()).containsEntry("severity", "HIGH")
                .containsEntry("checkId", "vpc-flow-logs-enabled").containsEntry("status", "FAIL")
                .containsEntry("account", ACCOUNT).containsEntry("region", REGION);
        assertThat(message.structure().get("email").asText()).isEqualTo(message.text());
        assertThat(message.text()).contains(
                "Readiness dropped — VPC flow logs are enabled (vpc-flow-logs-enabled, HIGH)",
                "none -> FAIL", "Resource:    " + VPC, "VPC " + VPC + " has no flow log.",
                "DeleteFlowLogs (event id ev-1) at 2026-11-27T09:59:58Z",
                "Principal:  arn:aws:iam::123456789012:user/mallory", "Source IP:  203.0.113.7",
                "User agent: aws-cli/2.15.0 Python/3.11",
                "Why it matters: Without flow logs nobody can tell which hosts an intruder talked to.",
                "Console: VPC console > Your VPCs > Flow logs > Create flow log.",
                "CLI:     aws ec2 create-flow-logs",
                "https://eu-west-1.console.aws.amazon.com/vpcconsole/home?region=eu-west-1#vpcs:",
                "Message id: " + result.transitions().get(0).transitionId());

        JsonNode card = message.chatbot();
        assertThat(card.get("version").asText()).isEqualTo("1.0");
        assertThat(card.get("source").asText()).isEqualTo("custom");
        assertThat(card.at("/content/textType").asText()).isEqualTo("client-markdown");
        assertThat(card.at("/content/title").asText()).isEqualTo(":red_circle: Readiness dropped: VPC flow logs are enabled");
        assertThat(card.at("/content/description").asText()).contains(
                "*Resource:* `" + VPC + "`", "*Who:* `arn:aws:iam::123456789012:user/mallory` from `203.0.113.7`",
                "<https://eu-west-1.console.aws.amazon.com/vpcconsole/home?region=eu-west-1#vpcs:|Open in the AWS console>");

        JsonNode structured = message.structured();
        assertThat(structured.get("type").asText()).isEqualTo("transition");
        assertThat(structured.get("id").asText()).isEqualTo(result.transitions().get(0).transitionId());
        assertThat(structured.at("/changedBy/sourceIp").asText()).isEqualTo("203.0.113.7");

        assertThat(store.outbox().unsent()).isEmpty();
        assertThat(store.queries().notified(result.transitions().get(0))).isTrue();
    }

    @Test
    void resolvedMessagesSayResolvedAndSilentTransitionsSendNothing() {
        record(VPC, Status.PASS, T0, Optional.empty());
        notifier.publish(record(VPC, Status.PASS, T0, Optional.empty()).transitions(), false);
        assertThat(sns.published()).isEmpty();

        notifier.publish(record(VPC, Status.FAIL, T0.plusSeconds(1), Optional.empty()).transitions(), false);
        notifier.publish(record(VPC, Status.PASS, T0.plusSeconds(2), Optional.empty()).transitions(), false);

        assertThat(sns.published()).extracting(p -> p.attributes().get("status")).containsExactly("FAIL", "PASS");
        Published resolved = sns.published().get(1);
        assertThat(resolved.field("Subject")).startsWith("[irready HIGH] Resolved:");
        assertThat(resolved.text()).contains("FAIL -> PASS", "Found by a scheduled sweep").doesNotContain("How to fix");
        assertThat(resolved.chatbot().at("/content/title").asText()).startsWith(":large_green_circle: Resolved");
    }

    @Test
    void aCrashBetweenStoringAndPublishingIsRepublishedOnceByTheNextSweep() {
        record(VPC, Status.FAIL, T0, Optional.of(DELETE));
        // the handler "crashes" here: the transition is stored, nothing was published

        Notifier.Delivery first = notifier.republishUnsent();
        Notifier.Delivery second = notifier.republishUnsent();

        assertThat(first.published()).isEqualTo(1);
        assertThat(second.published()).isZero();
        assertThat(sns.published()).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("arn:aws:iam::123456789012:user/mallory"));
    }

    @Test
    void aCrashRightAfterTheDecidingWriteLosesNothing() {
        CrashingDynamoDb crashing = new CrashingDynamoDb(DYNALITE.client());
        Store fragile = store(crashing);
        crashing.failPutsFromNowOn = true;

        // the finding is committed, then the history write "crashes" the process
        assertThatThrownBy(() -> fragile.findings().record(evaluation("vpc-flow-logs-enabled", VPC, Status.FAIL, T0),
                Optional.of(DELETE))).isInstanceOf(DynamoDbException.class);
        assertThat(store.queries().history(ACCOUNT, REGION, "vpc-flow-logs-enabled", VPC)).isEmpty();

        // the sweep completes the transition and announces it, once
        assertThat(notifier.republishUnsent().published()).isEqualTo(1);
        assertThat(notifier.republishUnsent().published()).isZero();
        assertThat(store.queries().history(ACCOUNT, REGION, "vpc-flow-logs-enabled", VPC)).singleElement()
                .satisfies(t -> assertThat(t.changedBy()).contains(DELETE));
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void aLaterWriteCompletesATransitionACrashLeftOnTheFinding() {
        CrashingDynamoDb crashing = new CrashingDynamoDb(DYNALITE.client());
        Store fragile = store(crashing);
        crashing.failPutsFromNowOn = true;
        assertThatThrownBy(() -> fragile.findings().record(evaluation("vpc-flow-logs-enabled", VPC, Status.FAIL, T0),
                Optional.empty())).isInstanceOf(DynamoDbException.class);

        RecordResult next = record(VPC, Status.PASS, T0.plusSeconds(60), Optional.empty());

        assertThat(next.transitions()).extracting(t -> t.to().name()).containsExactly("FAIL", "PASS");
        assertThat(store.queries().history(ACCOUNT, REGION, "vpc-flow-logs-enabled", VPC)).hasSize(2);
        notifier.publish(next.transitions(), false);
        assertThat(notifier.republishUnsent().published()).isZero();
        assertThat(sns.published()).hasSize(2);
    }

    @Test
    void aFailedPublishStaysInTheOutboxForTheSweep() {
        AwsWire down = new AwsWire();
        try {
            down.stub(AwsWire.queryCall("Publish").willReturn(AwsWire.queryError(500, "InternalError", "try later")));
            Notifier broken = new Notifier(down.clients().build(SnsClient.builder(), REGION), TOPIC, Optional.empty(),
                    store.outbox(), store.ledger(), REGISTRY);

            Notifier.Delivery delivery = broken.publish(record(VPC, Status.FAIL, T0, Optional.empty()).transitions(), false);

            assertThat(delivery).isEqualTo(new Notifier.Delivery(0, 1));
            assertThat(store.outbox().unsent()).hasSize(1);
        } finally {
            down.close();
        }
        assertThat(notifier.republishUnsent().published()).isEqualTo(1);
        assertThat(store.outbox().unsent()).isEmpty();
    }

    @Test
    void theAlertNamesTheAccountAsTheOrganizationDoes() {
        Notifier named = new Notifier(aws.clients().build(SnsClient.builder(), REGION), TOPIC, Optional.empty(),
                store.outbox(), store.ledger(), REGISTRY, account -> Optional.of(account.equals(ACCOUNT) ? "prod" : "?"));

        named.publish(record(VPC, Status.FAIL, T0, Optional.of(DELETE)).transitions(), false);

        Published message = sns.published().get(0);
        assertThat(message.text()).contains("Account:     prod (" + ACCOUNT + "), region " + REGION);
        assertThat(message.chatbot().at("/content/description").asText())
                .contains("*Account / region:* prod (`" + ACCOUNT + "`)");
        assertThat(message.attributes()).as("subscribers still filter by the id").containsEntry("account", ACCOUNT);
    }

    @Test
    void anAccountNameThatCannotBeFoundNeverCostsTheAlert() {
        Notifier unnamed = new Notifier(aws.clients().build(SnsClient.builder(), REGION), TOPIC, Optional.empty(),
                store.outbox(), store.ledger(), REGISTRY, account -> {
                    throw new IllegalStateException("Organizations is down");
                });

        Notifier.Delivery delivery = unnamed.publish(record(VPC, Status.FAIL, T0, Optional.empty()).transitions(), false);

        assertThat(delivery).isEqualTo(new Notifier.Delivery(1, 0));
        assertThat(sns.published().get(0).text()).contains("Account:     " + ACCOUNT + ", region " + REGION);
    }

    @Test
    void tamperAttemptsAreAnnouncedOncePerEvent() {
        TamperAttempt attempt = new TamperAttempt("ev-7", "ec2.amazonaws.com", "DeleteFlowLogs", "AccessDenied",
                "User is not authorized to perform: ec2:DeleteFlowLogs", ACCOUNT, REGION, DELETE,
                List.of("vpc-flow-logs-enabled"), List.of(VPC));

        assertThat(notifier.tamper(attempt)).isTrue();
        assertThat(notifier.tamper(attempt)).isFalse();
        notifier.republishUnsent();

        Published message = sns.published().get(0);
        assertThat(sns.published()).hasSize(1);
        assertThat(message.attributes()).containsEntry("status", "TAMPER").containsEntry("severity", "HIGH")
                .containsEntry("checkId", "vpc-flow-logs-enabled");
        assertThat(message.field("Subject")).startsWith("[irready HIGH] Tamper attempt: vpc-flow-logs-enabled");
        assertThat(message.text()).contains("DeleteFlowLogs returned AccessDenied", "Principal:  " + DELETE.principalArn(),
                "Source IP:  203.0.113.7");
        assertThat(message.chatbot().at("/content/title").asText()).startsWith(":rotating_light: Tamper attempt");
    }

    @Test
    void integrityAlertsAlsoGoToTheIntegrityTopic() {
        Notifier both = notifier(store, Optional.of(INTEGRITY_TOPIC));
        RecordResult result = store.findings().record(evaluation("auditor-integrity", ACCOUNT + "/" + REGION, Status.FAIL, T0),
                Optional.empty());
        RecordResult other = record(VPC, Status.FAIL, T0, Optional.empty());

        both.publish(result.transitions(), false);
        both.publish(other.transitions(), false);

        assertThat(sns.publishedTo(TOPIC)).hasSize(2);
        assertThat(sns.publishedTo(INTEGRITY_TOPIC)).singleElement()
                .satisfies(p -> assertThat(p.attributes()).containsEntry("checkId", "auditor-integrity"));
    }

    @Test
    void aSweepThatOpensManyFindingsSendsOneDigest() {
        List<Transition> opened = new ArrayList<>();
        for (int i = 0; i < Notifier.DIGEST_THRESHOLD + 2; i++) {
            opened.addAll(record(VPC + i, Status.FAIL, T0, Optional.empty()).transitions());
        }
        opened.addAll(store.findings().record(evaluation("auditor-integrity", ACCOUNT + "/" + REGION, Status.ERROR, T0),
                Optional.empty()).transitions());

        Notifier.Delivery delivery = notifier.publish(opened, true);

        assertThat(delivery.published()).isEqualTo(1);
        Published digest = sns.published().get(0);
        assertThat(digest.field("Subject")).isEqualTo("[irready HIGH] 13 readiness changes found by a sweep");
        assertThat(digest.fields()).containsEntry("MessageAttributes.entry.2.Value.DataType", "String.Array");
        assertThat(digest.attributes().get("checkId")).isEqualTo("[\"auditor-integrity\",\"vpc-flow-logs-enabled\"]");
        assertThat(digest.text()).contains(VPC + "11");
        assertThat(digest.chatbot().at("/content/description").asText().split("\n"))
                .filteredOn(line -> line.startsWith("• ")).hasSize(13);
        assertThat(store.outbox().unsent()).isEmpty();
    }

    @Test
    void hostileNamesAreEscapedOnTheChatbotCard() {
        ChangedBy hostile = new ChangedBy("StopLogging", "ev-x", HOSTILE, "<@U123>", "*bold* `tick` " + HOSTILE,
                "2026-11-27T09:59:58Z");
        notifier.publish(store.findings().record(evaluation("vpc-flow-logs-enabled", "trail/" + HOSTILE, Status.FAIL, T0),
                Optional.of(hostile)).transitions(), false);

        Published message = sns.published().get(0);
        String description = message.chatbot().at("/content/description").asText();
        assertThat(description)
                .doesNotContain("<!channel>", "<http://evil", "<@U123>", "\u202E", "\u0007")
                .contains("&lt;!channel&gt;", "&lt;http://evil.example|Open the AWS console&gt;", "&lt;＠U123&gt;")
                // identifiers are inline code (nothing inside is formatted), bounded
                .contains("*Resource:* `trail/&lt;!channel&gt; *URGENT* &lt;http://evil.example|", "x".repeat(100) + "…`")
                // sentences have their markup neutralised
                .contains("*Reason:* VPC trail/&lt;!channel&gt; ∗URGENT∗");
        assertThat(description).doesNotContain("x".repeat(600));
        // the only link on the card is ours
        assertThat(description.split("<http", -1)).hasSize(2);
        assertThat(message.chatbot().at("/metadata/threadId").asText()).doesNotContain("<", "\u202E");
        assertThat(message.text()).doesNotContain("\u202E", "\u0007");
        assertThat(message.field("Subject")).matches("[\\x20-\\x7e]{1,99}");
    }

    /** A DynamoDB client that "crashes" (throws) on PutItem once told to: the history write after the deciding update. */
    static final class CrashingDynamoDb implements DynamoDbClient {
        private final DynamoDbClient real;
        volatile boolean failPutsFromNowOn;

        CrashingDynamoDb(DynamoDbClient real) {
            this.real = real;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            if (failPutsFromNowOn) {
                throw DynamoDbException.builder().message("simulated crash before the history write").build();
            }
            return real.putItem(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return real.getItem(request);
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            return real.updateItem(request);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return real.query(request);
        }

        @Override
        public ScanResponse scan(ScanRequest request) {
            return real.scan(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
