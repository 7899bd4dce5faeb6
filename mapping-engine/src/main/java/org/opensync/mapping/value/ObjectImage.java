package org.opensync.mapping.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute values of one object (a source entry, or the current state of a target resource). Attribute names
 * are case-insensitive, as in LDAP and SCIM. Immutable and therefore safe to share between threads.
 */
public final class ObjectImage {
    private static final ObjectImage EMPTY = new ObjectImage(new HashMap<>(), List.of());

    private final Map<String, Value> byFoldedName;
    private final List<String> names;

    private ObjectImage(Map<String, Value> byFoldedName, List<String> names) {
        this.byFoldedName = byFoldedName;
        this.names = Collections.unmodifiableList(names);
    }

    public static ObjectImage empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From an LDAP-style entry: attribute name to its string values (no values means absent). */
    public static ObjectImage fromLdap(Map<String, ? extends Collection<String>> attributes) {
        Builder builder = new Builder(attributes.size());
        attributes.forEach((name, values) -> builder.put(name, values == null ? Value.NULL : Value.of(values)));
        return builder.build();
    }

    /**
     * From a SCIM resource, flattened to the attribute names mappings use: {@code userName}, {@code name.givenName},
     * {@code emails[type eq "work"].value}, {@code roles[primary eq "True"].value}, and extension attributes as
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}. A complex attribute with a
     * {@code value} sub-attribute (such as the enterprise {@code manager}) is also readable under its own name.
     */
    public static ObjectImage fromScim(JsonNode resource) {
        return ScimFlattener.flatten(resource);
    }

    /** From JSON name/value properties (parseExpression test input): strings, arrays of strings, booleans, numbers. */
    public static ObjectImage fromJsonProperties(Map<String, JsonNode> properties) {
        Builder builder = new Builder(properties.size());
        properties.forEach((name, node) -> builder.put(name, JsonValues.toValue(node)));
        return builder.build();
    }

    public Value get(AttributeKey key) {
        Value value = byFoldedName.get(key.folded());
        return value == null ? Value.NULL : value;
    }

    public Value get(String name) {
        Value value = byFoldedName.get(AttributeKey.fold(name));
        return value == null ? Value.NULL : value;
    }

    /** Attribute names as first supplied, in insertion order. */
    public List<String> attributeNames() {
        return names;
    }

    public boolean isEmpty() {
        return byFoldedName.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (String name : names) {
            text.append(text.length() > 1 ? ", " : "").append(name).append('=').append(get(name).strings());
        }
        return text.append('}').toString();
    }

    /**
     * Accumulates attributes; a later value for the same (case-insensitive) name replaces the earlier one. A builder
     * hands its storage to the image it builds (no copy per object), so it builds once.
     */
    public static final class Builder {
        private Map<String, Value> byFoldedName;
        private List<String> names;

        private Builder() {
            this(16);
        }

        private Builder(int expectedSize) {
            byFoldedName = new HashMap<>(Math.max(4, expectedSize * 4 / 3 + 1));
            names = new ArrayList<>(expectedSize);
        }

        public Builder put(String name, Value value) {
            requireUnbuilt();
            if (value == null || value.isNull()) {
                if (byFoldedName.remove(AttributeKey.fold(name)) != null) {
                    names.removeIf(existing -> existing.equalsIgnoreCase(name));
                }
                return this;
            }
            if (byFoldedName.put(AttributeKey.fold(name), value) == null) {
                names.add(name);
            }
            return this;
        }

        public Builder put(String name, String... values) {
            return put(name, Value.of(List.of(values)));
        }

        public Builder put(String name, Collection<String> values) {
            return put(name, Value.of(values));
        }

        public ObjectImage build() {
            requireUnbuilt();
            ObjectImage image = new ObjectImage(byFoldedName, names);
            byFoldedName = null;
            names = null;
            return image;
        }

        private void requireUnbuilt() {
            if (byFoldedName == null) {
                throw new IllegalStateException("this builder has already built its image");
            }
        }
    }
}
