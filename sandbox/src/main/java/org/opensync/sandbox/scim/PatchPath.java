package org.opensync.sandbox.scim;

/**
  * A PATCH target (RFC 7644 §3.5.2): {@code attrPath}, {@code attrPath[valueFilter]} or
  * {@code attrPath[valueFilter].subAttribute}. For the plain form the sub-attribute lives in {@code attribute}.
  */
record PatchPath(AttributePath attribute, Filter valueFilter, String filteredSubAttribute) {

    static PatchPath parse(String text, AttributeScope scope) {
        try {
            int open = text.indexOf('[');
            if (open < 0) {
                return new PatchPath(scope.parse(text), null, null);
            }
            int close = closingBracket(text, open);
            AttributePath attribute = scope.parse(text.substring(0, open));
            if (attribute.subAttribute() != null || attribute.attribute() == null) {
                throw new IllegalArgumentException("a value filter must follow a multi-valued attribute");
            }
            Filter filter = FilterParser.parseElementFilter(text.substring(open + 1, close), scope.type(), scope.schemas());
            String rest = text.substring(close + 1).trim();
            if (rest.isEmpty()) {
                return new PatchPath(attribute, filter, null);
            }
            if (!rest.startsWith(".")) {
                throw new IllegalArgumentException("unexpected '" + rest + "' after the value filter");
            }
            return new PatchPath(attribute, filter, AttributePath.element(rest.substring(1)).attribute());
        } catch (IllegalArgumentException | ScimException e) {
            throw ScimException.badRequest("invalidPath", "invalid path '" + text + "': " + e.getMessage());
        }
    }

    /** The ']' closing the filter, skipping brackets inside quoted strings. */
    private static int closingBracket(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("missing ']'");
    }
}
