package org.opensync.common.web;

import java.util.regex.Pattern;

/** Facts about Graph URL paths that several filters and mappers need. */
public final class GraphRoutes {
    /** Version root, then a directory-object collection, and not a synchronization sub-route. */
    private static final Pattern DIRECTORY_ROUTE = Pattern.compile(
            "^/(beta|v1\\.0)/(servicePrincipals|applications|applicationTemplates)(?!.*/synchronization).*");

    private GraphRoutes() {
    }

    public static boolean isDirectoryRoute(String path) {
        return path != null && DIRECTORY_ROUTE.matcher(path).matches();
    }
}
