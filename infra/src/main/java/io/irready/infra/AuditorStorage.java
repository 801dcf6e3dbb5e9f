package io.irready.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Where irready keeps and sends things: its two keys, the findings table, the alert topic, the delayed re-check
 * queue and the dead-letter queues. Built directly in the auditor's scope, not in a child construct, so the
 * logical ids stay those of deployed stacks: a new id would replace the retained table and keys.
 */
final class AuditorStorage {
    private final Key alertKey;
    private final Key dataKey;
    private final Table table;
    private final Topic topic;
    private final Queue deliveryDlq;
    private final Queue invocationDlq;
    private final Queue recheckDlq;
    private final Queue recheckQueue;

    AuditorStorage(Construct auditor, AuditorNames names) {
        this.alertKey = alertKey(auditor, names);
        this.dataKey = Key.Builder.create(auditor, "DataKey")
                .description("irready findings table and delayed re-check queue")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        this.table = findingsTable(auditor, dataKey);
        this.topic = alertTopic(auditor, alertKey);
        this.deliveryDlq = deadLetterQueue(auditor, "DeliveryDlq", alertKey);
        this.invocationDlq = deadLetterQueue(auditor, "InvocationDlq", alertKey);
        this.recheckDlq = deadLetterQueue(auditor, "RecheckDlq", dataKey);
        this.recheckQueue = Queue.Builder.create(auditor, "RecheckQueue")
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(dataKey)
                .enforceSsl(true)
                .deliveryDelay(ReadinessAuditor.RECHECK_DELAY)
                // six times the consumer's timeout, as Lambda's SQS event source recommends
                .visibilityTimeout(Duration.seconds(6L * AuditorFunctions.EVENT_TIMEOUT_SECONDS))
                .deadLetterQueue(DeadLetterQueue.builder().queue(recheckDlq).maxReceiveCount(5).build())
                .build();
    }

    private static Key alertKey(Construct auditor, AuditorNames names) {
        Key key = Key.Builder.create(auditor, "AlertKey")
                .description("irready alert topic and dead-letter queues (CloudWatch alarms and EventBridge write to them)")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // CloudWatch alarms publish to the encrypted topic; EventBridge publishes to it and writes to its DLQ.
        // Only for this account's alarms and irready's own rules (confused deputy: a service principal acts for
        // every account, so the key names whose calls it serves).
        Stack stack = Stack.of(auditor);
        String alarms = stack.formatArn(ArnComponents.builder().service("cloudwatch").resource("alarm")
                .resourceName("*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        String rules = stack.formatArn(ArnComponents.builder().service("events").resource("rule")
                .resourceName(names.rulePrefix() + "*").build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAndEventBridgeToUseTheKey")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", List.of(alarms, rules))))
                .build());
        return key;
    }

    private static Table findingsTable(Construct auditor, Key dataKey) {
        Table t = Table.Builder.create(auditor, "Findings")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(dataKey)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .timeToLiveAttribute("expiresAt")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // sparse: only FAIL / ERROR findings carry openStatus, so this index is "what is broken, newest first"
        t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("open-findings")
                .partitionKey(Attribute.builder().name("openStatus").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("statusChangedAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        // sparse the same way, per account: "what is broken in account X" from the console
        t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("open-by-account")
                .partitionKey(Attribute.builder().name("openAccount").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("statusChangedAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        // sparse: only transitions not yet published carry outboxState=PENDING
        t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("outbox")
                .partitionKey(Attribute.builder().name("outboxState").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("outboxAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        return t;
    }

    private static Topic alertTopic(Construct auditor, Key alertKey) {
        Topic t = Topic.Builder.create(auditor, "AlertTopic")
                .displayName("irready readiness alerts")
                .masterKey(alertKey)
                .enforceSsl(true)
                .build();
        t.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAndEventBridgeFromThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(t.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(auditor).getAccount())))
                .build());
        return t;
    }

    private static Queue deadLetterQueue(Construct auditor, String id, Key key) {
        return Queue.Builder.create(auditor, id)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
    }

    /** Encrypts the topic and the dead-letter queues CloudWatch and EventBridge write to. */
    Key alertKey() { return alertKey; }
    /** Encrypts the table and the re-check queue, which only irready's functions touch. */
    Key dataKey() { return dataKey; }
    Table table() { return table; }
    Topic topic() { return topic; }
    /** Where EventBridge puts events it could not deliver to a function. */
    Queue deliveryDlq() { return deliveryDlq; }
    /** Where Lambda puts asynchronous invocations that failed every retry. */
    Queue invocationDlq() { return invocationDlq; }
    /** Where re-checks go that the event function failed five times. */
    Queue recheckDlq() { return recheckDlq; }
    Queue recheckQueue() { return recheckQueue; }
}
