package org.opensync.sandbox.scim;

/**
  * {@code [urn ":"] attribute ["." subAttribute]}, or a bare schema URN (attribute null) naming a whole extension.
  * {@code urn} is null for core attributes, including those written with the core schema's URN.
  */
record AttributePath(String urn, String attribute, String subAttribute) {

    static AttributePath parse(String text, ResourceType type, ScimSchemas schemas) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty attribute path");
        }
        String urn = null;
        String rest = trimmed;
        if (trimmed.regionMatches(true, 0, "urn:", 0, 4)) {
            if (schemas.isSchemaUrn(type, trimmed)) {
                return new AttributePath(trimmed, null, null);
            }
            int colon = trimmed.lastIndexOf(':');
            urn = trimmed.substring(0, colon);
            rest = trimmed.substring(colon + 1);
            if (schemas.isCoreSchema(type, urn)) {
                urn = null;
            }
        }
        return named(urn, rest);
    }

    /** Inside a value filter ({@code emails[type eq "work"]}) names are relative to the element: no URNs. */
    static AttributePath element(String text) {
        return named(null, text.trim());
    }

    private static AttributePath named(String urn, String dotted) {
        int dot = dotted.indexOf('.');
        String attribute = dot < 0 ? dotted : dotted.substring(0, dot);
        String sub = dot < 0 ? null : dotted.substring(dot + 1);
        if (!isName(attribute) || (sub != null && !isName(sub))) {
            throw new IllegalArgumentException("invalid attribute path: " + dotted);
        }
        return new AttributePath(urn, attribute, sub);
    }

    AttributePath withSubAttribute(String sub) {
        return new AttributePath(urn, attribute, sub);
    }

    /** RFC 7643 ATTRNAME = ALPHA *(nameChar), plus "$ref". */
    private static boolean isName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '$')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
