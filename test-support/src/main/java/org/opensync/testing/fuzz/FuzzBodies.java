package org.opensync.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Request bodies for {@link RequestFuzzer}: ones a route accepts, the same with bent values, and malformed ones. */
final class FuzzBodies {
    /** JSON values put in place of a well-formed one: wrong types, NUL, huge and deep values, odd numbers. */
    private static final List<String> BENT_VALUES = List.of("null", "0", "-1", "1e999999", "1".repeat(1500), "true",
            "[]", "{}", "\"\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"" + "x".repeat(100_000) + "\"",
            "[" + "[".repeat(2000) + "]".repeat(2000) + "]", "\"%00\"", "\"'\"", "\"é\"", "\"Full\"",
            "\"Watermark, Everything\"", "\"Join(\\\" \\\", [a]\"", "\"Replace([a], , , , , , )\"",
            "{\"$ref\":\"x\"}", "[{\"key\":null,\"value\":null}]");

    private FuzzBodies() {
    }

    static List<String> meaningfulTemplates(Map<String, String> fixtures) {
        String appId = fixtures.getOrDefault("appId", UUID.randomUUID().toString());
        return List.of(
                "{\"appId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"fuzz\"}",
                "{\"appId\":\"" + appId + "\"}",
                "{\"displayName\":\"renamed\",\"tags\":[\"a\"],\"accountEnabled\":true}",
                "{\"templateId\":\"scim\"}",
                "{\"templateId\":\"" + fixtures.getOrDefault("tpl", "scim") + "\"}",
                "{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"http://127.0.0.1:1/scim\"},"
                        + "{\"key\":\"SecretToken\",\"value\":\"t\"}]}",
                "[{\"key\":\"Domain\",\"value\":\"dc=example,dc=org\"}]",
                "{\"credentials\":[{\"key\":\"UserName\",\"value\":\"cn=admin\"}]}",
                "{\"secrets\":[{\"key\":\"Server\",\"value\":\"ldap://127.0.0.1:1\"}]}",
                "{\"criteria\":{\"resetScope\":\"Watermark, Escrows, QuarantineState\"}}",
                "{\"synchronizationJobSettings\":[{\"name\":\"QuarantineTooManyDeletesThreshold\",\"value\":\"5\"}]}",
                "{\"expression\":\"Join(\\\" \\\", [givenName], [sn])\",\"targetAttributeDefinition\":null,"
                        + "\"testInputObject\":{\"definition\":null,\"properties\":[{\"key\":\"givenName\","
                        + "\"value\":\"Ada\"}]}}",
                "{\"expression\":\"Switch([IsSoftDeleted], , \\\"False\\\", \\\"True\\\", \\\"True\\\", "
                        + "\\\"False\\\")\"}",
                "{\"synchronizationRules\":[],\"directories\":[]}",
                "{\"synchronizationRules\":[{\"name\":\"x\",\"sourceDirectoryName\":\"LDAP\","
                        + "\"targetDirectoryName\":\"customappsso\",\"objectMappings\":[{\"name\":\"u\","
                        + "\"sourceObjectName\":\"inetOrgPerson\",\"targetObjectName\":\"urn:ietf:params:scim:schemas:"
                        + "core:2.0:User\",\"attributeMappings\":[{\"source\":{\"expression\":\"[nope]\"},"
                        + "\"targetAttributeName\":\"userName\"}]}]}]}");
    }

    static String meaningful(Random random, Map<String, String> fixtures) {
        List<String> templates = meaningfulTemplates(fixtures);
        return templates.get(random.nextInt(templates.size()));
    }

    /** The template with one of its string, number, array or object values replaced by a bent value. */
    static String bent(Random random, String template) {
        List<int[]> values = new java.util.ArrayList<>();
        for (int at = template.indexOf(':'); at >= 0; at = template.indexOf(':', at + 1)) {
            int end = valueEnd(template, at + 1);
            if (end > at + 1) {
                values.add(new int[]{at + 1, end});
            }
        }
        if (values.isEmpty()) {
            return template;
        }
        int[] value = values.get(random.nextInt(values.size()));
        return template.substring(0, value[0]) + BENT_VALUES.get(random.nextInt(BENT_VALUES.size()))
                + template.substring(value[1]);
    }

    /** The end of the JSON value starting at {@code from} (a string, or up to the next {@code ,} or {@code }}). */
    private static int valueEnd(String json, int from) {
        if (from < json.length() && json.charAt(from) == '"') {
            for (int i = from + 1; i < json.length(); i++) {
                if (json.charAt(i) == '\\') {
                    i++;
                } else if (json.charAt(i) == '"') {
                    return i + 1;
                }
            }
            return -1;
        }
        int end = from;
        while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0 && json.charAt(end) != '{'
                && json.charAt(end) != '[') {
            end++;
        }
        return end;
    }

    static byte[] malformed(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> utf8("{");
            case 1 -> utf8("{\"templateId\":");
            case 2 -> utf8("[1,2");
            case 3 -> utf8("nul");
            case 4 -> utf8(List.of("\"str\"", "123", "true", "null", "[]", "{}", "{\"value\":null}", "[null]")
                    .get(random.nextInt(8)));
            case 5 -> utf8("[".repeat(5000) + "]".repeat(5000));
            case 6 -> utf8("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
            case 7 -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 8 -> utf8("\uFEFF{\"templateId\":\"scim\"}");
            case 9 -> "{\"templateId\":\"scim\"}".getBytes(StandardCharsets.UTF_16);
            case 10 -> randomBytes(random, 1 + random.nextInt(300));
            case 11 -> utf8("<templateId>scim</templateId>");
            case 12 -> utf8("templateId=scim&a=%zz");
            case 13 -> utf8("{\"a\":1,\"a\":2,\"templateId\":\"scim\",\"templateId\":null}");
            case 14 -> utf8("{\"value\":[" + "{\"key\":\"k\",\"value\":\"v\"},".repeat(5000) + "{}]}");
            default -> new byte[0];
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
