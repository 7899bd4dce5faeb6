package org.opensync.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates hostile variations of a service's Graph requests from a seed, so that a failure can be replayed: route
 * templates whose {@code {placeholders}} are filled with real ids (so requests reach the deep code) and then bent —
 * odd characters, bad percent-encoding, alternate keys, case, extra segments —, OData query options with garbage,
 * every method, malformed and huge bodies, wrong content types and tokens of several permission sets.
 */
public final class RequestFuzzer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** Segments that broke or could break path handling: NUL, quotes, bad escapes, encoded slashes, traversal. */
    static final List<String> ODD_SEGMENTS = List.of("%00", "%22", "\"", "'", "''", "%27", "%zz", "%", "%2", "%2F",
            "%2f..%2f", "..", ".", "%2e%2e", "%5C", "\\", ";", "%3B", ";x=1", "%C3%A9", "é", "%C0%AF", "%FF", "%FE%FF",
            "%E2%80%AE", "%0D%0A", "%0A", "%09", "%7F", "%1F", "%20", "{}", "{", "}", "(", ")", "()", "*", "|",
            "<script>", "%3Cscript%3E", "$count", "$value", "$batch", "$metadata", "$ref", "null", "-1", "0",
            "99999999999999999999", "x'--", "scim.", "scim.%00", "a".repeat(300), "%u0041", "%%", "+", "%2B", "&",
            "=", "~", "`", "^", "[", "]", "@", ":", "appId='x'", "appId=%27x%27", "servicePrincipals(appId='x')",
            "microsoft.graph.start", "Start()", "START", "schema", "jobs", "secrets", "synchronization",
            "%E0%A4%A", "%ED%A0%80", "%F4%90%80%80", "😀", "%F0%9F%98%80");

    private static final List<String> QUERY_NAMES = List.of("$top", "$skip", "$filter", "$select", "$orderby",
            "$count", "$expand", "$search", "$skiptoken", "$format", "$foo", "foo", "", "$TOP", "%24top", "%zz",
            "$filter%00");
    private static final List<String> QUERY_VALUES = List.of("1", "0", "-1", "5", "999", "1000", "1001", "abc", "",
            "1e3", "99999999999999999999", "5".repeat(2000), "%00", "'", "\"", "%22", "%zz", "true", "false", "maybe",
            "id,displayName", "nope", "*", "displayName", "displayName desc", "garbage asc",
            "startswith(displayName,'a')", "startswith(displayName,'%00')", "appId eq 'x'", "appId eq 'x''y'",
            "displayName eq '%00'", "(((((", "not not not", "x eq", "a".repeat(2000),
            "jobId eq 'scim.x' and provisioningAction eq 'create'", "activityDateTime ge 2026-01-01T00:00:00Z",
            "activityDateTime ge garbage", "contains(sourceIdentity/displayName,'%25')",
            "provisioningAction in ('create')",
            "provisioningStatusInfo/status eq 'failure'", "c2tpcDo1", "c2tpcDotMQ", "c2tpcDo5OTk5OTk5OTk5OTk5OQ",
            "%E2%80%AE", "%C0%AF", "é");

    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "GET", "GET", "GET", "POST",
            "POST", "POST", "POST", "PUT", "PUT", "PATCH", "PATCH", "PATCH", "DELETE", "DELETE", "HEAD", "OPTIONS",
            "TRACE", "PROPFIND", "FOO");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "application/json; charset=utf-8", "application/json;odata.metadata=minimal",
            "application/json; charset=utf-16", "application/json; charset=ebcdic", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/*", "*/*",
            "garbage", ";;", "application/json; charset=\"", "");
    private static final List<String> ACCEPTS = List.of("application/json", "application/xml", "text/html", "*/*",
            ";;;", "application/json;q=abc", "text/plain", "application/json;odata.metadata=full");
    private static final List<String> CLIENT_REQUEST_IDS = List.of(UUID.randomUUID().toString(), "", "x".repeat(500),
            "é", "\"'<>", "%00");

    private final Random random;
    private final List<String> routes;
    private final Map<String, String> tokens;
    private final List<String> tokenNames;

    /**
     * @param routes route templates such as {@code /{v}/servicePrincipals/{sp}/synchronization/jobs/{job}}; {@code
     *               {v}} is the version root, other placeholders are filled from the fixtures given to {@link #next}
     * @param tokens bearer tokens by a name for the report; a null token sends no {@code Authorization} header.
     *               The first one goes with half of the requests, so that most get past authorization.
     */
    public RequestFuzzer(long seed, List<String> routes, Map<String, String> tokens) {
        this.random = new Random(seed);
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.tokenNames = List.copyOf(tokens.keySet());
    }

    /** @param fixtures real values for the placeholders (ids of existing objects); a missing one gets a new UUID */
    public FuzzRequest next(Map<String, String> fixtures) {
        String route = pick(routes);
        String method = pick(METHODS);
        String target = path(route, fixtures) + query();
        Map<String, String> headers = new LinkedHashMap<>();
        String tokenName = random.nextBoolean() ? tokenNames.get(0) : pick(tokenNames);
        String token = tokens.get(tokenName);
        if (token != null) {
            headers.put("Authorization", chance(5) ? "Bearer " + token.substring(0, token.length() / 2)
                    : chance(3) ? "Basic dXNlcjpwYXNz" : "Bearer " + token);
        }
        if (chance(25)) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if (chance(15)) {
            headers.put("client-request-id", pick(CLIENT_REQUEST_IDS));
        }
        if (chance(1)) {
            headers.put("X-Oversized", "h".repeat(random.nextBoolean() ? 24 * 1024 : 100 * 1024));
        }
        if (chance(1)) {
            for (int i = 0; i < 300; i++) {
                headers.put("X-Many-" + i, "v".repeat(64));
            }
        }
        byte[] body = null;
        boolean bodyMethod = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (bodyMethod ? !chance(12) : chance(8)) {
            body = body(fixtures);
            if (!chance(8)) {
                headers.put("Content-Type", pick(CONTENT_TYPES));
            }
        }
        boolean chunked = body != null && chance(5);
        return new FuzzRequest(route + " (" + tokenName + ")", method, target, headers, body, chunked);
    }

    private String path(String route, Map<String, String> fixtures) {
        List<String> segments = new ArrayList<>();
        for (String segment : route.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(fill(segment, fixtures));
            }
        }
        if (segments.isEmpty()) {
            segments.add(pick(ODD_SEGMENTS));
        }
        int mutations = chance(40) ? 1 + (chance(25) ? 1 : 0) : 0;
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(segments.size());
            String odd = pick(ODD_SEGMENTS);
            segments.set(at, switch (random.nextInt(3)) {
                case 0 -> odd;
                case 1 -> segments.get(at) + odd;
                default -> odd + segments.get(at);
            });
        }
        if (chance(8)) {
            segments.add(pick(ODD_SEGMENTS));
        }
        if (chance(8)) {
            int at = random.nextInt(segments.size());
            segments.set(at, respell(segments.get(at)));
        }
        int servicePrincipals = segments.indexOf("servicePrincipals");
        if (servicePrincipals >= 0 && servicePrincipals + 1 < segments.size() && chance(10)) {
            String appId = fixtures.getOrDefault("appId", UUID.randomUUID().toString());
            String key = chance(60) ? appId : chance(50) ? pick(ODD_SEGMENTS) : appId + pick(ODD_SEGMENTS);
            segments.set(servicePrincipals, "servicePrincipals(appId=" + (chance(20) ? "%27" + key + "%27"
                    : "'" + key + "'") + ")");
            segments.remove(servicePrincipals + 1);
        }
        String path = "/" + String.join("/", segments);
        if (chance(5)) {
            path += "/";
        }
        if (chance(1)) {
            path += "/" + "long".repeat(3_000);
        }
        if (chance(1)) {
            path += "/" + "huge".repeat(25_000); // beyond 64 KiB, where the HTTP codec once answered without a body
        }
        return path;
    }

    private String fill(String segment, Map<String, String> fixtures) {
        Matcher placeholder = PLACEHOLDER.matcher(segment);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = name.equals("v") ? (chance(95) ? (random.nextBoolean() ? "beta" : "v1.0") : pick(List.of(
                    "BETA", "V1.0", "v2", "v1", "%62eta"))) : fixtures.getOrDefault(name, UUID.randomUUID().toString());
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private String respell(String segment) {
        return switch (random.nextInt(4)) {
            case 0 -> segment.toUpperCase(Locale.ROOT);
            case 1 -> "microsoft.graph." + segment;
            case 2 -> segment + "()";
            default -> segment.toLowerCase(Locale.ROOT);
        };
    }

    private String query() {
        if (!chance(40)) {
            return chance(3) ? "?" : "";
        }
        List<String> options = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = pick(QUERY_NAMES);
            options.add(chance(5) ? name : name + "=" + encodeSometimes(pick(QUERY_VALUES)));
        }
        return "?" + String.join(chance(5) ? "&&" : "&", options);
    }

    /** Query values go raw (spaces as {@code %20}) or fully percent-encoded, as different clients send them. */
    private String encodeSometimes(String value) {
        if (random.nextBoolean()) {
            return value.replace(" ", "%20");
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            encoded.append(Character.isLetterOrDigit(b) ? String.valueOf((char) b) : String.format("%%%02X", b));
        }
        return encoded.toString();
    }

    private byte[] body(Map<String, String> fixtures) {
        if (chance(1)) {
            return ("{\"value\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return switch (random.nextInt(4)) {
            case 0, 1 -> utf8(FuzzBodies.meaningful(random, fixtures));
            case 2 -> utf8(FuzzBodies.bent(random, pick(FuzzBodies.meaningfulTemplates(fixtures))));
            default -> FuzzBodies.malformed(random);
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
