package org.opensync.jobapi.odata;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * {@code $top} and {@code $skiptoken}. The skip token is opaque to clients: they only follow the
 * {@code @odata.nextLink}, which repeats every original query option.
 */
public record Paging(int skip, int top) {
    private static final String PREFIX = "skip:";

    public static Paging of(String top, String skipToken, int defaultTop, int maxTop) {
        return new Paging(skip(skipToken), top(top, defaultTop, maxTop));
    }

    /** A page of at most {@code max}: the server may answer fewer than {@code $top} when each item costs more. */
    public Paging atMost(int max) {
        return new Paging(skip, Math.min(top, max));
    }

    public String nextLink(UriInfo uri) {
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + (skip + top)).getBytes(StandardCharsets.UTF_8));
        return UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("$skiptoken", token).build().toString();
    }

    private static int top(String top, int defaultTop, int maxTop) {
        if (top == null) {
            return defaultTop;
        }
        try {
            int value = Integer.parseInt(top.trim());
            if (value >= 1 && value <= maxTop) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GraphException(400, ErrorCode.UNSUPPORTED_QUERY,
                "Invalid $top '" + top + "': expected an integer from 1 to " + maxTop + ".", "$top");
    }

    private static int skip(String skipToken) {
        if (skipToken == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int skip = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (skip >= 0) {
                    return skip;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new GraphException(400, ErrorCode.INVALID_REQUEST,
                "Invalid $skiptoken: use the @odata.nextLink of a previous page as it is.", "$skiptoken");
    }
}
