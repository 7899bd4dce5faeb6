package org.opensync.jobapi.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.JobSettingsPublished;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.tenancy.Tenants;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.RetriedOnConflict;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.graph.KeyValuePair;
import org.opensync.jobapi.serviceprincipal.ServicePrincipal;
import org.opensync.jobapi.synchronization.SecretsReplaced;
import org.opensync.jobapi.synchronization.SecretsService;
import org.opensync.jobapi.template.SynchronizationTemplate;
import org.opensync.jobapi.template.TemplateCatalog;

/**
 * The job lifecycle. Every state change is saved together with the command announcing it on
 * {@code sync.job-commands} (transactional outbox), so the API and the rest of the platform never disagree. Commands
 * run again when they lose a race with the status that cycles write to the same job ({@link RetriedOnConflict}).
 */
@ApplicationScoped
public class JobService {
    private final Outbox outbox;
    private final JobApiConfig config;
    private final TemplateCatalog templates;
    private final SecretsService secrets;

    @Inject
    public JobService(Outbox outbox, JobApiConfig config, TemplateCatalog templates, SecretsService secrets) {
        this.outbox = outbox;
        this.config = config;
        this.templates = templates;
        this.secrets = secrets;
    }

    public List<SynchronizationJob> list(UUID servicePrincipalId) {
        return SynchronizationJob.list("servicePrincipalId = ?1 order by createdAt, id", servicePrincipalId);
    }

    /** Up to {@code top} jobs after the first {@code skip}, plus one more when there is a next page. */
    public List<SynchronizationJob> page(UUID servicePrincipalId, int skip, int top) {
        return SynchronizationJob.<SynchronizationJob>find("servicePrincipalId = ?1 order by createdAt, id",
                servicePrincipalId).range(skip, skip + top).list();
    }

    public long count(UUID servicePrincipalId) {
        return SynchronizationJob.count("servicePrincipalId", servicePrincipalId);
    }

    public SynchronizationJob require(UUID servicePrincipalId, String jobId) {
        SynchronizationJob job = SynchronizationJob.findById(jobId);
        if (job == null || !job.servicePrincipalId.equals(servicePrincipalId)) {
            throw GraphException.notFound("The synchronization job '" + jobId
                    + "' does not exist for this service principal.");
        }
        return job;
    }

    @Transactional
    public SynchronizationJob create(ServicePrincipal servicePrincipal, String templateId) {
        UUID servicePrincipalId = servicePrincipal.id;
        SynchronizationTemplate template = templates.find(servicePrincipalId, templateId).orElseThrow(() -> GraphException.badRequest(
                "The templateId '" + templateId + "' is not available for this service principal; available: "
                        + templates.ids(servicePrincipalId) + ".", "templateId"));
        if (SynchronizationJob.count("servicePrincipalId = ?1 and templateId = ?2", servicePrincipalId, templateId) > 0) {
            throw new GraphException(409, ErrorCode.CONFLICT, "A synchronization job from template '" + templateId
                    + "' already exists for this service principal; it shares the service principal's secrets, so "
                    + "a second one would provision the same target twice.", "templateId");
        }
        String jobId = Tenants.newJobId(templateId, servicePrincipal.tenantId);
        List<KeyValuePair> settings = template.jobSettings.entrySet().stream()
                .map(e -> new KeyValuePair(e.getKey(), e.getValue())).toList();
        SynchronizationJob job = SynchronizationJob.create(jobId, servicePrincipalId, templateId, settings);
        job.updateConfigured(secrets.configuredKeys(servicePrincipalId).containsAll(template.requiredSecrets));
        job.persist();
        outbox.publish(Topics.JOB_COMMANDS,
                new JobCommand.JobCreated(eventId(), Instant.now(), jobId, servicePrincipalId.toString(), templateId,
                        servicePrincipal.ownerAppId));
        publishSettings(jobId, settings);
        return job;
    }

    @RetriedOnConflict
    @Transactional
    public void start(UUID servicePrincipalId, String jobId) {
        SynchronizationJob job = require(servicePrincipalId, jobId);
        if (job.start(config.defaultInterval())) {
            outbox.publish(Topics.JOB_COMMANDS,
                    new JobCommand.JobStarted(eventId(), Instant.now(), jobId, config.defaultInterval()));
        }
    }

    @RetriedOnConflict
    @Transactional
    public void pause(UUID servicePrincipalId, String jobId) {
        SynchronizationJob job = require(servicePrincipalId, jobId);
        if (job.pause()) {
            outbox.publish(Topics.JOB_COMMANDS, new JobCommand.JobPaused(eventId(), Instant.now(), jobId));
        }
    }

    @RetriedOnConflict
    @Transactional
    public void restart(UUID servicePrincipalId, String jobId, Set<RestartScope> scope) {
        SynchronizationJob job = require(servicePrincipalId, jobId);
        if (job.restart(scope, config.defaultInterval())) {
            outbox.publish(Topics.JOB_COMMANDS,
                    new JobCommand.JobRestarted(eventId(), Instant.now(), jobId, config.defaultInterval(), scope));
        }
    }

    @RetriedOnConflict
    @Transactional
    public void replaceSettings(UUID servicePrincipalId, String jobId, List<KeyValuePair> settings) {
        require(servicePrincipalId, jobId).replaceSettings(settings);
        publishSettings(jobId, settings);
    }

    /**
     * The provisioner needs some settings (the deletion threshold). The last of a repeated name wins; a setting
     * without a value is not set.
     */
    private void publishSettings(String jobId, List<KeyValuePair> settings) {
        Map<String, String> byName = new LinkedHashMap<>();
        settings.stream().filter(setting -> setting.value() != null)
                .forEach(setting -> byName.put(setting.name(), setting.value()));
        outbox.publish(Topics.JOB_SETTINGS, new JobSettingsPublished(eventId(), Instant.now(), jobId, byName));
    }

    @RetriedOnConflict
    @Transactional
    public void delete(UUID servicePrincipalId, String jobId) {
        delete(require(servicePrincipalId, jobId));
    }

    /** Jobs wait in NotConfigured until their service principal has the secrets their template needs. */
    void onSecretsReplaced(@Observes SecretsReplaced replaced) {
        for (SynchronizationJob job : list(replaced.servicePrincipalId())) {
            templates.find(job.servicePrincipalId, job.templateId).ifPresent(
                    template -> job.updateConfigured(replaced.configuredKeys().containsAll(template.requiredSecrets)));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(UUID servicePrincipalId) {
        list(servicePrincipalId).forEach(this::delete);
    }

    private void delete(SynchronizationJob job) {
        job.delete();
        outbox.publish(Topics.JOB_COMMANDS, new JobCommand.JobDeleted(eventId(), Instant.now(), job.id));
        outbox.publishTombstone(Topics.JOB_SETTINGS, job.id);
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }
}
