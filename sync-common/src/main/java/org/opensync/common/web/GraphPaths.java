package org.opensync.common.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rewrites the URL spellings Graph clients use into the one form the resources declare: fixed segments in their
 * camelCase spelling (Graph matches them case-insensitively), bound operations without the {@code microsoft.graph.}
 * namespace or a trailing {@code ()}, the alternate key {@code servicePrincipals(appId='…')} as a path segment
 * {@code appId=…}, and no trailing slash.
 */
public final class GraphPaths {
    private static final Map<String, String> FIXED_SEGMENTS = Stream.of(
                    "beta", "v1.0", "servicePrincipals", "applications", "applicationTemplates", "instantiate",
                    "synchronization", "jobs", "templates", "secrets", "schema", "directories", "discover",
                    "functions", "filterOperators", "parseExpression", "start", "pause", "restart", "stop",
                    "validateCredentials", "provisionOnDemand", "bulkUpload", "acquireAccessToken", "Ping",
                    "auditLogs", "provisioning", "directoryProvisioning", "$count", "$value")
            .collect(Collectors.toMap(s -> s.toLowerCase(Locale.ROOT), Function.identity()));
    private static final Pattern ALTERNATE_KEY = Pattern.compile("^(servicePrincipals|applications)\\((.+)\\)$",
            Pattern.CASE_INSENSITIVE);
    private static final String NAMESPACE = "microsoft.graph.";

    private GraphPaths() {
    }

    public static String canonical(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            Matcher alternateKey = ALTERNATE_KEY.matcher(segment);
            if (alternateKey.matches()) {
                segments.add(fixed(alternateKey.group(1)));
                segments.add(alternateKey(alternateKey.group(2)));
            } else {
                segments.add(fixed(operation(segment)));
            }
        }
        return "/" + String.join("/", segments);
    }

    /**
     * {@code appId='x'} (quotes possibly percent-encoded) becomes the segment {@code appId=x}, the value
     * percent-encoded again so that whatever it holds stays one valid path segment.
     */
    private static String alternateKey(String key) {
        String decoded = decode(key);
        int equals = decoded.indexOf('=');
        if (equals < 0) {
            return key;
        }
        String value = decoded.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return encode(decoded.substring(0, equals).trim()) + "=" + encode(value);
    }

    /** Percent-decoding of a path segment, where {@code +} is a plus sign, not a space. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }

    private static String operation(String segment) {
        String name = decode(segment);
        if (name.regionMatches(true, 0, NAMESPACE, 0, NAMESPACE.length())) {
            name = name.substring(NAMESPACE.length());
        }
        if (name.endsWith("()")) {
            name = name.substring(0, name.length() - 2);
        }
        return FIXED_SEGMENTS.containsKey(name.toLowerCase(Locale.ROOT)) ? name : segment;
    }

    private static String fixed(String segment) {
        return FIXED_SEGMENTS.getOrDefault(segment.toLowerCase(Locale.ROOT), segment);
    }
}
