package org.opensync.common.web;

import jakarta.ws.rs.core.UriInfo;

/** Builds {@code @odata.context} values against the version root the request arrived on. */
public final class ODataContext {
    private ODataContext() {
    }

    public static String versionRoot(UriInfo uri, String version) {
        return uri.getBaseUriBuilder().path(version).build().toString();
    }

    public static String metadata(UriInfo uri, String version, String fragment) {
        return versionRoot(uri, version) + "/$metadata#" + fragment;
    }
}
