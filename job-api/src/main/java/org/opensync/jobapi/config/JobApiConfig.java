package org.opensync.jobapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "sync.job-api")
public interface JobApiConfig {

    /** Interval between cycles of an active job; Entra's SaaS jobs use PT40M. */
    @WithDefault("PT40M")
    Duration defaultInterval();

    Quarantine quarantine();

    /** When a job is quarantined, how often it is retried then, and when it gives up. */
    interface Quarantine {
        /** Consecutive completely failed cycles that quarantine a job; failures the tenant must fix do at once. */
        @WithDefault("3")
        int afterFailures();

        /** Retry intervals of a quarantine series; the last one repeats. Entra: 6 h, 12 h, then daily. */
        @WithDefault("PT6H,PT12H,PT24H")
        List<Duration> retryIntervals();

        /** Failed objects in one cycle below which the proportional rules do not apply. */
        @WithDefault("5000")
        long escrowFloor();

        /** Share of failed objects (reference failures left out) above which a job is quarantined. */
        @WithDefault("0.4")
        double escrowProportion();

        /** Failed objects (reference failures left out) above which a job is quarantined. */
        @WithDefault("40000")
        long escrowCeiling();

        /** Failed objects, reference failures included, above which a job is quarantined. */
        @WithDefault("60000")
        long escrowTotalCeiling();

        /** A job quarantined for longer than this, counted from the first quarantine of the series, is disabled. */
        @WithDefault("P28D")
        Duration disableAfter();
    }

    /** How long provisioning logs are kept. */
    @WithDefault("P30D")
    Duration logRetention();

    /** Where schema-service answers the template and schema routes that job-api forwards. */
    @WithDefault("http://127.0.0.1:8085")
    URI schemaServiceUrl();

    /**
     * The key sent with every request forwarded to schema-service ({@code SYNC_RELAY_KEY}, the same there), with which
     * schema-service builds {@code @odata.context} on the root URL the client called here. Unset, neither is sent.
     */
    Optional<String> relayKey();

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

    BulkUpload bulkUpload();

    /** API-driven inbound provisioning (Graph bulkUpload): request size and pace. */
    interface BulkUpload {
        /** Operations in one BulkRequest; Entra takes 50. */
        @WithDefault("50")
        int maxOperations();

        /** Requests per job within {@link #window()}; Entra allows 40 calls in any 5 seconds. */
        @WithDefault("40")
        int requestsPerWindow();

        @WithDefault("PT5S")
        Duration window();

        /** Requests per tenant within {@link #tenantWindow()}; Entra allows 6,000 per 24 hours (Governance). */
        @WithDefault("6000")
        int tenantRequestsPerWindow();

        @WithDefault("PT24H")
        Duration tenantWindow();
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
