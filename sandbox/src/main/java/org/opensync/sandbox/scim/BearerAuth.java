package org.opensync.sandbox.scim;

/** The static bearer-token check shared by the SCIM API and the admin endpoints. */
final class BearerAuth {

    private BearerAuth() {
    }

    /** @throws ScimException 401 unless {@code header} is "Bearer &lt;expected&gt;" (scheme in any case) */
    static void require(String expected, String header) {
        if (expected == null) {
            return;
        }
        boolean valid = header != null && header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && header.substring(7).trim().equals(expected);
        if (!valid) {
            throw new ScimException(401, null, "a valid bearer token is required");
        }
    }
}
