package io.irready.alerts;

import java.util.Optional;

/**
 * Where an alert learns the name of the account it is about ({@code prod (111122223333)} reads faster than
 * the id at 3 a.m.). Best effort: an implementation answers empty rather than fail, because a name must
 * never cost an alert.
 */
@FunctionalInterface
public interface AccountNames {
    AccountNames NONE = account -> Optional.empty();

    Optional<String> nameOf(String account);

    /** A name learnt elsewhere (the sweep plan carries each account's name); kept where there is a cache. */
    default void remember(String account, String name) {
    }
}
