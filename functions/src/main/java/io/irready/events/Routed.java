package io.irready.events;

import java.util.List;

/**
 * A check that declares the CloudTrail calls that can change its verdict. The catalog hands every
 * check's routes to the {@link RouteTable}; the EventBridge rules, {@code irready route} and the
 * routing section of docs/ROUTING.md are generated from them.
 */
public interface Routed {
    List<Route> routes();
}
