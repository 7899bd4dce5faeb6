package org.opensync.connectors.net;

import java.time.Duration;

/**
 * Told of every request sent to a target (each attempt, retries included): for latency and status metrics. A SCIM
 * application's requests are named by HTTP method, a directory's by LDAP operation.
 */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (method, status, took) -> { };

    /**
     * @param method the HTTP method ({@code POST}) or the LDAP operation ({@code add}, {@code search}, ...)
     * @param status the HTTP status (0 when no answer came: timeout, connection refused or dropped), or the LDAP result
     *               code (0 for success; the SDK's client-side codes 81, 85 and 91 when no answer came)
     */
    void answered(String method, int status, Duration took);

    /**
     * A request found every turn among the job's requests under way taken and waited for one (a request that had its
     * turn at once is not reported): how long, whether it then got one or gave up at its request timeout. Waits that
     * are frequent or long say that the cap on requests under way, not the target, sets the pace.
     */
    default void waitedForTurn(Duration waited) {
    }
}
