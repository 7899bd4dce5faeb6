package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
  * One request below the base path. {@code path} is relative to it ("/Users/42"); query parameter names are
  * case-insensitive, and a flag without a value (Entra's {@code ?aadOptscim062020}) maps to "".
  * {@code traceparent} is the W3C trace header the client sent (null when none), for the journal.
  */
record ScimRequest(String method, String path, String rawQuery, byte[] body, String authorization,
                   String traceparent) {

    Map<String, String> parameters() {
        return parseQuery(rawQuery);
    }

    JsonNode json() {
        return ScimJson.parse(body);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** "+" decodes to a space: Entra sends {@code filter=externalId+eq+%22jdoe%22}. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        try {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.put(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw ScimException.badRequest("invalidValue", "malformed query string: " + e.getMessage());
        }
        return parameters;
    }
}
