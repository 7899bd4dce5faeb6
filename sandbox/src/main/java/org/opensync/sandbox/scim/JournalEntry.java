package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
  * One SCIM request as the server saw it. {@code path} is relative to the base path ("/Users/42"), {@code query} is
  * the raw query string, {@code status} is what was answered, or 0 when a fault dropped the connection;
  * {@code traceparent} is the client's W3C trace header (null when it sent none), so a test can follow a trace to here.
  * Each operation of a {@code POST /Bulk} is journaled as a request of its own too, {@code inBulk}, besides the bulk's
  * own entry (which follows them): counting {@code POST /Users} counts the users created whichever way they were sent.
  */
public record JournalEntry(Instant time, String method, String path, String query, String body, int status,
                           String traceparent, boolean inBulk) {

    /** A request of its own, not an operation of a bulk. */
    public JournalEntry(Instant time, String method, String path, String query, String body, int status,
                        String traceparent) {
        this(time, method, path, query, body, status, traceparent, false);
    }

    /** The decoded query parameters; names are case-insensitive. */
    public Map<String, String> parameters() {
        return ScimRequest.parseQuery(query);
    }

    /** The body as JSON. */
    public JsonNode json() {
        return ScimJson.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
