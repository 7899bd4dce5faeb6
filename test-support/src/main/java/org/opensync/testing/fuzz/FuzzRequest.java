package org.opensync.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request: {@code target} is the raw request target (path and query) as it goes on the wire;
 * {@code route} is the route template it was derived from, for the report.
 */
public record FuzzRequest(String route, String method, String target, Map<String, String> headers, byte[] body,
                          boolean chunked) {

    /** A one-line description for failure reports, cut so that oversized parts stay readable. */
    public String describe() {
        String body = this.body == null ? "" : " body(" + this.body.length + " bytes" + (chunked ? ", chunked" : "")
                + ")=" + cut(new String(this.body, StandardCharsets.UTF_8), 120);
        return method + " " + cut(target, 300) + " [" + route + "] headers=" + cut(headers.keySet().toString(), 120)
                + " content-type=" + headers.get("Content-Type") + body;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
