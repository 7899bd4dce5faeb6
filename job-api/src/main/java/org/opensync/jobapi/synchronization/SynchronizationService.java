package org.opensync.jobapi.synchronization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.opensync.jobapi.job.JobService;

/** The {@code synchronization} container of a service principal: its secrets and its jobs. */
@ApplicationScoped
public class SynchronizationService {
    private final SecretsService secrets;
    private final JobService jobs;

    @Inject
    public SynchronizationService(SecretsService secrets, JobService jobs) {
        this.secrets = secrets;
        this.jobs = jobs;
    }

    /** What a GET may show: every key, with credential values withheld. */
    public List<SecretEntry> visibleSecrets(UUID servicePrincipalId) {
        return secrets.read(servicePrincipalId).stream()
                .map(e -> SecretKey.parse(e.key()).map(SecretKey::isCredential).orElse(true)
                        ? new SecretEntry(e.key(), null) : e)
                .toList();
    }

    public int secretCount(UUID servicePrincipalId) {
        return secrets.read(servicePrincipalId).size();
    }

    @Transactional
    public void replaceSecrets(UUID servicePrincipalId, List<SecretEntry> entries) {
        secrets.replace(servicePrincipalId, entries);
    }

    /** Deletes the jobs and the secrets; templates are not the service principal's to delete. */
    @Transactional
    public void delete(UUID servicePrincipalId) {
        jobs.deleteAllOf(servicePrincipalId);
        secrets.deleteAll(servicePrincipalId);
    }
}
