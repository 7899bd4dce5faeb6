package org.opensync.jobapi.bulkupload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.opensync.jobapi.config.JobApiConfig;

/**
 * bulkUpload's pace: per job (Entra: 40 calls in any 5 seconds) and per tenant (Entra: a daily quota), counted by
 * each job-api instance on its own. A request refused by the tenant's limit does not count against the job's.
 */
@ApplicationScoped
public class BulkUploadRateLimit {
    private final InstanceRateLimit perJob;
    private final InstanceRateLimit perTenant;

    @Inject
    public BulkUploadRateLimit(JobApiConfig config) {
        JobApiConfig.BulkUpload limits = config.bulkUpload();
        this.perJob = new InstanceRateLimit(limits.requestsPerWindow(), limits.window(), Clock.systemUTC());
        this.perTenant = new InstanceRateLimit(limits.tenantRequestsPerWindow(), limits.tenantWindow(),
                Clock.systemUTC());
    }

    /** Counts the request when both limits allow it; otherwise how long until it would be allowed. */
    public Optional<Duration> tryAcquire(UUID tenant, String jobId) {
        return perTenant.tryAcquire(tenant.toString()).or(() -> perJob.tryAcquire(jobId));
    }
}
