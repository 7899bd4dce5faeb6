package org.opensync.mapping.value;

import java.util.Locale;

/**
 * An attribute name with its case-folded lookup key computed once, so that compiled mappings look attributes up in
 * an {@link ObjectImage} without allocating.
 */
public final class AttributeKey {
    private final String name;
    private final String folded;

    private AttributeKey(String name) {
        this.name = name;
        this.folded = fold(name);
    }

    public static AttributeKey of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("attribute name must not be null");
        }
        return new AttributeKey(name);
    }

    public String name() {
        return name;
    }

    String folded() {
        return folded;
    }

    /** LDAP and SCIM attribute names are case-insensitive; Locale.ROOT avoids the Turkish dotless-i trap. */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeKey key && key.folded.equals(folded);
    }

    @Override
    public int hashCode() {
        return folded.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
