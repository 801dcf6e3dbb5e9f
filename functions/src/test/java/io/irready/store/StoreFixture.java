package io.irready.store;

import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The account, check, resources and evaluations the store tests record, and a raw read of a finding item. */
final class StoreFixture {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String CHECK = "vpc-flow-logs-enabled";
    static final String VPC_A = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0aaa";
    static final String VPC_B = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0bbb";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final ChangedBy STOP = new ChangedBy("DeleteFlowLogs", "ev-1", "arn:aws:iam::123456789012:user/mallory",
            "203.0.113.7", "aws-cli/2.15.0", "2026-11-27T09:59:58Z");

    private StoreFixture() {
    }

    static Finding finding(String resource, Status status, Instant observedAt) {
        return new Finding(CHECK, Severity.HIGH, ACCOUNT, REGION, resource, status,
                "VPC " + resource + " is " + status, observedAt);
    }

    /** An evaluation that does not claim to cover every resource of the check (nothing is closed). */
    static Evaluation evaluation(Instant observedAt, Finding... findings) {
        return new Evaluation(ACCOUNT, REGION, observedAt, Scope.REGION, List.of(), List.of(findings));
    }

    /** A sweep of the check over the region: stored findings it does not report are closed. */
    static Evaluation sweep(Instant observedAt, Finding... findings) {
        return new Evaluation(ACCOUNT, REGION, observedAt, Scope.REGION, List.of(CHECK), List.of(findings));
    }

    static Map<String, AttributeValue> rawFinding(Dynalite dynalite, String table, String resource) {
        return dynalite.client().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("FINDING#" + ACCOUNT + "#" + REGION),
                "sk", AttributeValue.fromS(CHECK + "#" + resource)))).item();
    }
}
