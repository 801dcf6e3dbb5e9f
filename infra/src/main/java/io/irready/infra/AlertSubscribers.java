package io.irready.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.chatbot.LoggingLevel;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.constructs.Construct;

/**
 * Who hears the alert topic: the Slack webhook function, a Slack channel through AWS Chatbot, and e-mail
 * addresses, each only when configured. Built directly in the auditor's scope, not in a child construct, so the
 * logical ids stay those of deployed stacks.
 */
final class AlertSubscribers {
    private AlertSubscribers() {
    }

    static void subscribe(Construct auditor, ReadinessAuditorProps props, Topic topic, Optional<Alias> slackWebhook) {
        slackWebhook.ifPresent(alias -> topic.addSubscription(new LambdaSubscription(alias)));
        props.slackWorkspaceId().ifPresent(workspace -> SlackChannelConfiguration.Builder.create(auditor, "Slack")
                .slackChannelConfigurationName(("irready-" + Stack.of(auditor).getStackName())
                        .replaceAll("[^A-Za-z0-9-_]", "-"))
                .slackWorkspaceId(workspace)
                .slackChannelId(props.slackChannelId().orElseThrow())
                .notificationTopics(List.of(topic))
                .loggingLevel(LoggingLevel.NONE)
                .build());
        props.alertEmails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
    }
}
