package org.opensync.common.lease;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job leases of a service that works jobs (change-detector, provisioner), on its own database: the service's
 * migrations create {@code job_lease}. {@code sync.job-lease} is how long a claim lasts without renewal.
 */
@ApplicationScoped
public class JobLeasesProducer {
    @Produces
    @Singleton
    JobLeases jobLeases(AgroalDataSource dataSource,
                        @ConfigProperty(name = "sync.job-lease", defaultValue = "PT30S") Duration ttl) {
        return new JobLeases(dataSource, ttl);
    }

    void close(@Disposes JobLeases leases) {
        leases.close();
    }
}
