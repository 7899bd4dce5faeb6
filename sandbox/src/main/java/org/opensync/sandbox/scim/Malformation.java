package org.opensync.sandbox.scim;

/** How a fault corrupts a response body; the request itself is still carried out. */
public enum Malformation {
    /** The real body cut in half: not parseable JSON. */
    INVALID_JSON("invalidJson"),
    /** Well-formed JSON of the wrong shape: an array where a SCIM object is expected. */
    WRONG_SHAPE("wrongShape");

    private final String jsonName;

    Malformation(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Malformation fromJsonName(String name) {
        for (Malformation malformation : values()) {
            if (malformation.jsonName.equalsIgnoreCase(name) || malformation.name().equalsIgnoreCase(name)) {
                return malformation;
            }
        }
        throw new IllegalArgumentException("unknown malformation '" + name + "' (invalidJson, wrongShape)");
    }
}
