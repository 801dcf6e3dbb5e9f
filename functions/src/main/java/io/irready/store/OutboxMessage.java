package io.irready.store;

/**
 * Something the notifier must deliver at least once: a transition, or a tamper attempt. It sits
 * in the table's {@code outbox} index until {@link Outbox#markSent} takes it out.
 */
public sealed interface OutboxMessage permits Transition, TamperAttempt {
    /** Stable id sent with the message, so that subscribers can drop a redelivery. */
    String messageId();

    String account();

    String region();
}
