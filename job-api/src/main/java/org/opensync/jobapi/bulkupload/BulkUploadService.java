package org.opensync.jobapi.bulkupload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.opensync.common.events.InboundRecordReceived;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.job.JobService;
import org.opensync.jobapi.job.SynchronizationJob;
import org.opensync.jobapi.template.TemplateCatalog;

/**
 * Takes a checked upload into the job's inbound queue: one {@link InboundRecordReceived} per operation, written to
 * the outbox in one transaction, so the upload is answered only once all of it is durable (or none of it is).
 */
@ApplicationScoped
public class BulkUploadService {
    /** Factory tags of the templates whose source is bulkUpload start so, like Entra's {@code API2AAD}/{@code API2AD}. */
    static final String API_SOURCED_FACTORY_TAG_PREFIX = "API2";

    private final JobService jobs;
    private final TemplateCatalog templates;
    private final Outbox outbox;

    @Inject
    public BulkUploadService(JobService jobs, TemplateCatalog templates, Outbox outbox) {
        this.jobs = jobs;
        this.templates = templates;
        this.outbox = outbox;
    }

    /** The job, when it exists (404) and its source is bulkUpload (400 otherwise). */
    @Transactional
    public SynchronizationJob requireInboundJob(UUID servicePrincipalId, String jobId) {
        SynchronizationJob job = jobs.require(servicePrincipalId, jobId);
        boolean apiSourced = templates.find(servicePrincipalId, job.templateId)
                .map(template -> template.factoryTag != null && template.factoryTag.toUpperCase(Locale.ROOT)
                        .startsWith(API_SOURCED_FACTORY_TAG_PREFIX))
                .orElse(false);
        if (!apiSourced) {
            throw GraphException.badRequest("The job '" + job.id + "' does not take bulkUpload: its source is not "
                    + "API-driven. Create the job from an API-driven inbound template (such as API2SCIM).");
        }
        return job;
    }

    /** @return the id shared by the upload's records */
    @Transactional
    public String accept(String jobId, BulkRequest request) {
        String uploadId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        for (BulkRequest.Operation operation : request.operations()) {
            outbox.publish(Topics.INBOUND_RECORDS, new InboundRecordReceived(UUID.randomUUID().toString(), now,
                    jobId, uploadId, operation.bulkId(), operation.externalId(), operation.user()));
        }
        return uploadId;
    }
}
