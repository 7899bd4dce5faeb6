package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** The query parameters of a list request (RFC 7644 §3.4.2), from a GET query string or a POST .search body. */
record SearchRequest(Filter filter, int startIndex, int count, String attributes, String excludedAttributes) {

    static SearchRequest fromQuery(Map<String, String> parameters, AttributeScope scope, ScimServerConfig config) {
        return of(parameters.get("filter"), parameters.get("startIndex"), parameters.get("count"),
                parameters.get("attributes"), parameters.get("excludedAttributes"), scope, config);
    }

    static SearchRequest fromBody(JsonNode body, AttributeScope scope, ScimServerConfig config) {
        return of(text(body, "filter"), text(body, "startIndex"), text(body, "count"), text(body, "attributes"),
                text(body, "excludedAttributes"), scope, config);
    }

    /** Every match in one page, as a server that ignores count and startIndex answers. */
    SearchRequest unpaged() {
        return new SearchRequest(filter, 1, Integer.MAX_VALUE, attributes, excludedAttributes);
    }

    private static SearchRequest of(String filter, String startIndex, String count, String attributes,
                                                                    String excludedAttributes, AttributeScope scope, ScimServerConfig config) {
        Filter parsed = filter == null || filter.isBlank() ? null
                : FilterParser.parse(filter, scope.type(), scope.schemas());
        // RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0; we cap count at maxPageSize.
        int start = Math.max(1, integer("startIndex", startIndex, 1));
        int size = Math.min(config.maxPageSize(), Math.max(0, integer("count", count, config.defaultPageSize())));
        return new SearchRequest(parsed, start, size, attributes, excludedAttributes);
    }

    private static int integer(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ScimException.badRequest("invalidValue", name + " must be an integer: " + text);
        }
    }

    /** A JSON member as text; a list of attribute names becomes the comma-separated form of the query string. */
    private static String text(JsonNode body, String name) {
        JsonNode value = ScimJson.field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
            return joined.toString();
        }
        return value.asText();
    }
}
