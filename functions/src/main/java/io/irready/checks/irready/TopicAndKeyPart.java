package io.irready.checks.irready;

import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.sns.TopicInventory;
import java.util.Map;
import java.util.Optional;

/** Home region: the alert topic exists with a confirmed subscription, and irready's key is enabled. */
final class TopicAndKeyPart implements IntegrityPart {
    @Override
    public void judge(Where where, IntegrityReport report) {
        if (!where.home()) {
            return;
        }
        where.auditor().topicArn().ifPresent(topic -> topic(where, topic, report));
        where.auditor().keyArn().ifPresent(key -> key(where, key, report));
    }

    private static void topic(Where where, String topic, IntegrityReport report) {
        report.probe(() -> {
            Optional<Map<String, String>> attributes = where.ctx().service(TopicInventory.class).attributes(topic);
            if (attributes.isEmpty()) {
                report.broken("alert topic " + topic + " does not exist");
                return;
            }
            int confirmed = number(attributes.get().get("SubscriptionsConfirmed"));
            if (confirmed < 1) {
                report.broken("alert topic " + topic + " has no confirmed subscription ("
                        + number(attributes.get().get("SubscriptionsPending")) + " pending): alerts reach nobody");
            } else {
                report.intact("alert topic " + topic + " has " + confirmed + " confirmed subscription"
                        + (confirmed == 1 ? "" : "s"));
            }
        });
    }

    private static void key(Where where, String keyArn, IntegrityReport report) {
        report.probe(() -> {
            Optional<KmsKey> key = where.ctx().service(KmsInventory.class).key(keyArn);
            if (key.isEmpty()) {
                report.broken("key " + keyArn + " does not exist");
            } else if (!key.get().isEnabled()) {
                report.broken("key " + keyArn + " is " + key.get().state()
                        + " (irready can neither store findings nor publish alerts)");
            } else {
                report.intact("key " + keyArn + " is enabled");
            }
        });
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
