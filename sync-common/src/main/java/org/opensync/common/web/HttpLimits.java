package org.opensync.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on the request line and headers, answered by {@link RequestScreening} in the Graph error shape. Vert.x'
 * own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}, 1 MiB for every service
 * in sync-common's configuration) must stay above these: a request over Vert.x' limit is refused by the HTTP codec
 * with an empty 414/431 before any handler sees it.
 */
@ConfigMapping(prefix = "sync.http.limits")
public interface HttpLimits {
    /** Characters of the request target (path and query). */
    @WithDefault("8192")
    int urlLength();

    /** Bytes of all header names and values together. */
    @WithDefault("16K")
    MemorySize headerSize();
}
