package org.opensync.connectors.scim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
  * An Entra-style target attribute name taken apart: {@code userName} (simple), {@code name.givenName} (dotted),
  * {@code emails[type eq "work"].value} (value filter), or
  * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department} (extension).
  *
  * @param attribute       the top-level attribute, or the attribute inside the extension
  * @param subAttribute    after the dot, or null
  * @param schema          the extension URN, or null
  * @param filterAttribute for value filters: the sub-attribute compared ({@code type}), else null
  * @param filterValue     for value filters: the value it must equal ({@code work}), else null
  */
record TargetAttribute(String name, Kind kind, String attribute, String subAttribute, String schema,
                                              String filterAttribute, String filterValue) {

    enum Kind { SIMPLE, DOTTED, FILTERED, EXTENSION }

    private static final Pattern FILTERED = Pattern.compile(
            "^([A-Za-z][\\w$-]*)\\[\\s*([A-Za-z][\\w$-]*)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*]\\.([A-Za-z][\\w$-]*)$",
            Pattern.CASE_INSENSITIVE);

    /**
     * Names already taken apart: every object of a job has the same few, and the value-filter pattern was 5 % of a
     * provisioner's time when matched anew for each. Bounded; names past the bound are parsed each time.
     */
    private static final int CACHED_NAMES = 4096;
    private static final Map<String, TargetAttribute> PARSED = new ConcurrentHashMap<>();

    static TargetAttribute parse(String name) {
        TargetAttribute parsed = PARSED.get(name);
        if (parsed == null) {
            parsed = parseAnew(name);
            if (PARSED.size() < CACHED_NAMES) {
                PARSED.put(name, parsed);
            }
        }
        return parsed;
    }

    private static TargetAttribute parseAnew(String name) {
        if (name.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = name.lastIndexOf(':');
            String inner = name.substring(colon + 1);
            int dot = inner.indexOf('.');
            return new TargetAttribute(name, Kind.EXTENSION, dot < 0 ? inner : inner.substring(0, dot),
                    dot < 0 ? null : inner.substring(dot + 1), name.substring(0, colon), null, null);
        }
        Matcher filtered = FILTERED.matcher(name);
        if (filtered.matches()) {
            return new TargetAttribute(name, Kind.FILTERED, filtered.group(1), filtered.group(4), null, filtered.group(2),
                    filtered.group(3).replaceAll("\\\\(.)", "$1"));
        }
        if (name.contains("[")) {
            throw new IllegalArgumentException("unsupported target attribute path (only [x eq \"v\"].sub filters): " + name);
        }
        int dot = name.indexOf('.');
        return dot < 0 ? new TargetAttribute(name, Kind.SIMPLE, name, null, null, null, null)
                : new TargetAttribute(name, Kind.DOTTED, name.substring(0, dot), name.substring(dot + 1), null, null, null);
    }

    boolean isManager() {
        return kind == Kind.EXTENSION && schema.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER)
                && attribute.equalsIgnoreCase("manager");
    }

    boolean isMembers() {
        return kind == Kind.SIMPLE && attribute.equalsIgnoreCase("members");
    }

    boolean isActive() {
        return kind == Kind.SIMPLE && attribute.equalsIgnoreCase("active");
    }
}
