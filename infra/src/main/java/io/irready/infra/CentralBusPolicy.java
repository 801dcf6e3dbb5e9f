package io.irready.infra;

import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnEventBusPolicy;
import software.constructs.Construct;

/**
 * Lets the organization's accounts put events on the central account's home default bus, where the routing
 * rules already listen: their forwarding rules' roles are admitted by organization membership
 * ({@code aws:PrincipalOrgID}), so an account joining the organization needs no change here and no account outside
 * it can inject events.
 */
final class CentralBusPolicy {
    static final String STATEMENT_ID = "irready-organization-forwarders";

    private CentralBusPolicy() {
    }

    static CfnEventBusPolicy attach(Construct scope, String id, String organizationId) {
        Stack stack = Stack.of(scope);
        String bus = stack.formatArn(ArnComponents.builder()
                .service("events").resource("event-bus").resourceName("default").build());
        return CfnEventBusPolicy.Builder.create(scope, id)
                .eventBusName("default")
                .statementId(STATEMENT_ID)
                .statement(Map.of(
                        "Sid", STATEMENT_ID,
                        "Effect", "Allow",
                        "Principal", "*",
                        "Action", "events:PutEvents",
                        "Resource", bus,
                        "Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", organizationId))))
                .build();
    }
}
