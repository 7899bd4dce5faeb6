package org.opensync.jobapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "sync.job-api")
public interface JobApiConfig {

    /** Tenant id (GUID) this installation acts for; it is part of every job id. */
    String tenantId();

    /** Interval between cycles of an active job; Entra's SaaS jobs use PT40M. */
    @WithDefault("PT40M")
    Duration defaultInterval();

    /** How long provisioning logs are kept. */
    @WithDefault("P30D")
    Duration logRetention();

    /** Where schema-service answers the template and schema routes that job-api forwards. */
    @WithDefault("http://127.0.0.1:8085")
    URI schemaServiceUrl();
}
