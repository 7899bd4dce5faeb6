package org.opensync.connectors.scim;

/** The only filter shape the service sends: {@code <attribute> eq "<value>"}. */
final class ScimFilters {

    private ScimFilters() {
    }

    static String equalTo(String attribute, String value) {
        return attribute + " eq " + quote(value);
    }

    /** A SCIM string literal: JSON string rules, so quotes and backslashes are escaped. */
    static String quote(String value) {
        return ScimValues.toJson(value).toString();
    }
}
