package org.opensync.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;

/** Graph's correlation headers: a new {@code request-id} per request, and the client's own id echoed back. */
public final class RequestIds {
    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";

    private RequestIds() {
    }

    static String requestId(ContainerRequestContext request) {
        Object id = request.getProperty(REQUEST_ID);
        if (id == null) {
            id = UUID.randomUUID().toString();
            request.setProperty(REQUEST_ID, id);
        }
        return id.toString();
    }
}
