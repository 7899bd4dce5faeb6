package org.opensync.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run got back: the count per status, and every answer that breaks the contract — a status of 500 or
 * more, no answer at all, or an error (4xx/5xx) without Graph's {@code {"error":{"code","message","innerError":
 * {"request-id","date"}}}} body.
 */
public final class FuzzReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_FAILURES = 40;

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> failuresByKind = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int total;

    public void record(FuzzRequest request, RawHttp.Response response) {
        total++;
        byStatus.merge(response.status(), 1, Integer::sum);
        String problem = problem(request, response);
        if (problem != null) {
            failuresByKind.merge(response.status() + " " + problem, 1, Integer::sum);
            if (failures.size() < KEPT_FAILURES) {
                failures.add(response.status() + " " + problem + ": " + request.describe()
                        + " -> " + cut(response.bodyText()));
            }
        }
    }

    public int total() {
        return total;
    }

    /** The failures, one line each (the first {@value KEPT_FAILURES} in full, then counts by kind). */
    public List<String> failures() {
        List<String> all = new ArrayList<>(failures);
        failuresByKind.forEach((kind, count) -> all.add(count + " × " + kind));
        return failuresByKind.isEmpty() ? List.of() : all;
    }

    /** The counts as a table, for the test output. */
    public String table(String title, long seed) {
        StringBuilder table = new StringBuilder(title).append(": ").append(total).append(" requests, seed ")
                .append(seed).append('\n').append("  status  count\n");
        byStatus.forEach((status, count) -> table.append(String.format("  %6s  %5d%n",
                status < 0 ? "none" : status, count)));
        return table.toString();
    }

    static String problem(FuzzRequest request, RawHttp.Response response) {
        int status = response.status();
        if (status < 0) {
            return "no answer";
        }
        if (status >= 500) {
            return "server error";
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String contentType = response.header("content-type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "error without a JSON body (content-type " + contentType + ")";
        }
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            boolean shaped = error.path("code").isTextual() && !error.path("code").asText().isEmpty()
                    && error.path("message").isTextual()
                    && error.path("innerError").path("request-id").isTextual()
                    && error.path("innerError").path("date").isTextual();
            return shaped ? null : "error body not Graph-shaped";
        } catch (Exception e) {
            return "error body not JSON";
        }
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
