package org.opensync.jobapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "sync.job-api")
public interface JobApiConfig {

    /** Interval between cycles of an active job; Entra's SaaS jobs use PT40M. */
    @WithDefault("PT40M")
    Duration defaultInterval();

    Quarantine quarantine();

    /** When a job is quarantined and how often it is retried then (provisioning-behavior.md §1.14). */
    interface Quarantine {
        /** Consecutive completely failed cycles that quarantine a job; failures the tenant must fix do at once. */
        @WithDefault("3")
        int afterFailures();

        /** Retry intervals of a quarantine series; the last one repeats. Entra: 6 h, 12 h, then daily. */
        @WithDefault("PT6H,PT12H,PT24H")
        List<Duration> retryIntervals();

        /** Escrows in one cycle below which the proportion rules do not apply. */
        @WithDefault("5000")
        long escrowFloor();

        @WithDefault("0.4")
        double escrowProportion();

        @WithDefault("40000")
        long escrowCeiling();
    }

    /** How long provisioning logs are kept. */
    @WithDefault("P30D")
    Duration logRetention();

    /** Where schema-service answers the template and schema routes that job-api forwards. */
    @WithDefault("http://127.0.0.1:8085")
    URI schemaServiceUrl();

    /** Where the provisioner answers provisionOnDemand, which job-api forwards with the caller's token. */
    @WithDefault("http://127.0.0.1:8084")
    URI provisionerUrl();

    OnDemand onDemand();

    /** Provisioning single objects at a caller's request (Graph provisionOnDemand). */
    interface OnDemand {
        /** Requests per job within {@link #window()}; Graph allows 5 per 10 seconds. */
        @WithDefault("5")
        int requestsPerWindow();

        @WithDefault("PT10S")
        Duration window();

        /**
         * How long job-api waits for the provisioner's answer: its wait for a running cycle (10 s by default), the
         * source and target round trips and the acknowledgement of the provisioning log fit in it.
         */
        @WithDefault("PT60S")
        Duration timeout();
    }

    /** Sizes the API accepts; larger requests are refused with 400 and the JSON path of the offending value. */
    Limits limits();

    interface Limits {
        /** Characters of one secret value (a certificate or a JSON settings blob fits). */
        @WithDefault("16384")
        int secretValueLength();

        /** Secrets in one set (the synchronizationSecret enum has fewer members than this). */
        @WithDefault("64")
        int secretCount();

        /**
         * Characters of all values of a set together; bounds the sealed {@code SecretsChanged} record well under
         * Kafka's default {@code max.request.size} (1 MiB).
         */
        @WithDefault("262144")
        int secretsTotalLength();

        /** Items of {@code synchronizationJobSettings}. */
        @WithDefault("100")
        int jobSettingCount();

        /** Characters of one job setting's name or value. */
        @WithDefault("4096")
        int jobSettingLength();
    }
}
