package org.opensync.jobapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "sync.job-api")
public interface JobApiConfig {

    /** Tenant id (GUID) this installation acts for; it is part of every job id. */
    String tenantId();

    /**
     * Template ids a job can be created from. Until schema-service publishes its template catalogue, this list is
     * the catalogue.
     */
    List<String> templates();

    /** Interval between cycles of an active job; Entra's SaaS jobs use PT40M. */
    @WithDefault("PT40M")
    Duration defaultInterval();

    /** Settings every new job starts with (Graph's synchronizationJobSettings). */
    Map<String, String> defaultJobSettings();
}
