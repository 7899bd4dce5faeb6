package org.opensync.common.web;

/**
 * Headers job-api adds when it forwards a request to a service behind it: the root URL the client called (scheme,
 * host, port and any path prefix before the API version), so that {@code @odata.context} and {@code @odata.nextLink}
 * point where the client can follow them, and the relay key that proves the request comes from job-api. A service
 * honours the root only with the right key; a client calling the service directly cannot redirect its links.
 */
public final class RelayHeaders {
    public static final String CLIENT_ROOT = "X-OpenSync-Client-Root";
    public static final String RELAY_KEY = "X-OpenSync-Relay-Key";

    private RelayHeaders() {
    }
}
