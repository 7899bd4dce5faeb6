package org.opensync.sandbox.scim;

/** A failure that maps to a SCIM error response (RFC 7644 §3.12). */
public final class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimException badRequest(String scimType, String detail) {
        return new ScimException(400, scimType, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException conflict(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    public int status() {
        return status;
    }

    /** Null when RFC 7644 defines no scimType for the status. */
    public String scimType() {
        return scimType;
    }
}
