package org.opensync.provisioner.ondemand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.Topics;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.ondemand.OnDemandRequest;
import org.opensync.common.tenancy.Tenants;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.connectors.ldap.LdapSourceException;
import org.opensync.connectors.ldap.ObjectTypeQuery;
import org.opensync.connectors.ldap.SourceEntry;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.source.SourceImages;
import org.opensync.connectors.source.SourcePlan;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.ConnectorDataStore;
import org.opensync.provisioner.cds.Deferred;
import org.opensync.provisioner.cds.DeferredWork;
import org.opensync.provisioner.cds.Link;
import org.opensync.provisioner.cycle.JobSlice;
import org.opensync.provisioner.cycle.JobTurns;
import org.opensync.provisioner.cycle.ProvisioningLogs;
import org.opensync.provisioner.cycle.Publisher;
import org.opensync.provisioner.engine.Deprovisioner;
import org.opensync.provisioner.engine.JobContext;
import org.opensync.provisioner.engine.JobContexts;
import org.opensync.provisioner.engine.JobUnavailableException;
import org.opensync.provisioner.engine.ObjectProvisioner;
import org.opensync.provisioner.engine.Outcome;

/**
 * Provisions one subject now, outside the schedule: reads it from the source
 * directory, then scopes, matches and exports it with the cycle's own {@link ObjectProvisioner}, in the job's turn so
 * that no cycle works the job meanwhile, and links it in the connector data store as a cycle would. The job's source
 * connection is kept open between requests ({@link SourceConnections}). A group's listed members go first, so that
 * the group's member references resolve. Each object's provisioning-log record is acknowledged by Kafka before the
 * answer is given.
 */
@ApplicationScoped
public class OnDemandProvisioning {
    private static final Duration RETRY_SOON = Duration.ofSeconds(5);
    private static final String PHASE = "onDemand";

    private final JobContexts contexts;
    private final ObjectProvisioner provisioner;
    private final Deprovisioner deprovisioner;
    private final ConnectorDataStore links;
    private final DeferredWork deferred;
    private final JobTurns turns;
    private final SourceConnections sources;
    private final Publisher publisher;
    private final ProvisionerConfig config;
    private final String defaultTenant;

    @Inject
    public OnDemandProvisioning(JobContexts contexts, ObjectProvisioner provisioner, Deprovisioner deprovisioner,
                                ConnectorDataStore links, DeferredWork deferred, JobTurns turns,
                                SourceConnections sources, Publisher publisher, ProvisionerConfig config,
                                @ConfigProperty(name = "sync.tenant-id") String defaultTenant) {
        this.contexts = contexts;
        this.provisioner = provisioner;
        this.deprovisioner = deprovisioner;
        this.links = links;
        this.deferred = deferred;
        this.turns = turns;
        this.sources = sources;
        this.publisher = publisher;
        this.config = config;
        this.defaultTenant = defaultTenant;
    }

    /** @return the objects worked, members first, the subject last */
    public List<OnDemandAnswer.Worked> provision(String jobId, OnDemandRequest request,
                                                 ProvisioningObjectSummary.Initiator initiator) {
        JobContext job = context(jobId);
        SynchronizationRule rule = job.schema().synchronizationRules().stream()
                .filter(r -> request.ruleId().equals(r.id())).findFirst()
                .orElseThrow(() -> GraphException.badRequest("The ruleId '" + request.ruleId() + "' is not a "
                        + "synchronization rule of the job's schema.", "parameters[0].ruleId"));
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < request.subject().members().size(); i++) {
            subjects.add(subject(rule, request.subject().members().get(i),
                    "parameters[0].subjects[0].links.members[" + i + "]"));
        }
        subjects.add(subject(rule, request.subject(), "parameters[0].subjects[0]"));
        LdapSettings settings = job.source().usable().orElseThrow(() -> GraphException.badRequest(
                job.source().problem()));
        String runId = UUID.randomUUID().toString();
        List<Read> reads = read(job, settings, subjects, runId);
        List<OnDemandAnswer.Worked> worked = exclusively(jobId, reads, () -> reads.stream()
                .map(read -> worked(job, runId, read, read.outcome() != null ? read.outcome() : provision(job, read),
                        initiator)).toList());
        worked.forEach(object -> publisher.send(Topics.PROVISIONING_LOGS, new ProvisioningLogRecorded(
                UUID.randomUUID().toString(), Instant.now(), jobId, object.summary())));
        try {
            publisher.flush();
        } catch (Publisher.KafkaUnavailableException e) {
            throw new GraphException(503, ErrorCode.UNAVAILABLE, "The objects were provisioned, but their "
                    + "provisioning logs could not be stored yet; retry shortly.", null).retryAfter(RETRY_SOON);
        }
        return worked;
    }

    /** A subject with the source object type its name stands for in the rule. */
    private record Subject(String objectId, String type) {
    }

    /** A subject as read from the source: its change image, or the import failure to report. */
    private record Read(ObjectChange.ObjectChanged change, Outcome outcome, Instant started) {
    }

    private JobContext context(String jobId) {
        try {
            // The job exists (job-api checked); its schema and secrets either are here or are late: no waiting
            return contexts.get(jobId, Instant.now().minus(config.configurationWait()));
        } catch (JobUnavailableException e) {
            if (!e.error().tenantActionable()) {
                throw new GraphException(503, ErrorCode.UNAVAILABLE, e.getMessage() + " Retry shortly.", null)
                        .retryAfter(RETRY_SOON);
            }
            throw GraphException.badRequest("The job cannot provision: " + e.getMessage());
        }
    }

    private static Subject subject(SynchronizationRule rule, OnDemandRequest.Subject subject, String path) {
        return rule.objectMappings().stream().map(ObjectMapping::sourceObjectName)
                .filter(name -> name != null && name.equalsIgnoreCase(subject.objectTypeName())).findFirst()
                .map(type -> new Subject(subject.objectId(), type))
                .orElseThrow(() -> GraphException.badRequest("The objectTypeName '" + subject.objectTypeName()
                        + "' is not a source object of the rule '" + rule.id() + "'; it provisions "
                        + String.join(", ", rule.objectMappings().stream().map(ObjectMapping::sourceObjectName)
                        .distinct().toList()) + ".", path + ".objectTypeName"));
    }

    /** Reads every subject over the job's kept connection, before the job's turn: reading the source races nothing. */
    private List<Read> read(JobContext job, LdapSettings settings, List<Subject> subjects, String runId) {
        try (SourceConnections.Lease lease = sources.lease(job.jobId(), settings)) {
            try {
                return readAll(job, lease.source(), subjects, runId);
            } catch (LdapSourceException e) {
                lease.failed();
                throw e;
            }
        } catch (LdapSourceException | EgressDeniedException e) {
            Instant now = Instant.now();
            return subjects.stream().map(subject -> new Read(missing(job, runId, subject), Outcome.importFailed(
                    "SourceUnavailable", "The source directory could not be read: " + e.getMessage(), true), now))
                    .toList();
        }
    }

    private static List<Read> readAll(JobContext job, LdapSource source, List<Subject> subjects, String runId) {
        SourcePlan plan = SourcePlan.of(job.schema(), source.capabilities().activeDirectory()).orElseThrow(
                () -> GraphException.badRequest("No enabled object mapping of the job reads from the source "
                        + "directory."));
        List<Read> reads = new ArrayList<>();
        for (Subject subject : subjects) {
            Instant started = Instant.now();
            ObjectTypeQuery query = plan.query(subject.type()).orElse(null);
            Optional<SourceEntry> entry;
            try {
                entry = query == null ? Optional.empty() : source.readOne(query, subject.objectId());
            } catch (IllegalArgumentException e) {
                throw GraphException.badRequest(e.getMessage(), "objectId");
            }
            reads.add(entry.map(found -> new Read(change(job, runId, found), null, started))
                    .orElseGet(() -> new Read(missing(job, runId, subject), Outcome.importFailed("EntryNotFound",
                            "No " + subject.type() + " '" + subject.objectId() + "' in the source directory "
                            + "(looked up by " + (looksLikeUuid(subject.objectId()) ? "object id" : "DN")
                            + " below the Domain secret's base DN).", false), started)));
        }
        return reads;
    }

    private <T> T exclusively(String jobId, List<Read> reads, Supplier<T> work) {
        List<JobSlice> taken;
        try {
            taken = turns.tryTakeAll(jobId, config.onDemand().jobWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(503, ErrorCode.UNAVAILABLE, "Interrupted while waiting for the job.", null)
                    .retryAfter(RETRY_SOON);
        }
        if (taken.isEmpty()) {
            throw busy(jobId);
        }
        try {
            if (reads.stream().anyMatch(read -> turns.busy(jobId, read.change().anchor()))) {
                throw busy(jobId);
            }
            return work.get();
        } finally {
            turns.giveAll(taken);
        }
    }

    private static GraphException busy(String jobId) {
        return new GraphException(409, ErrorCode.CONFLICT, "A provisioning cycle of job " + jobId + " is working on "
                + "it right now; provision on demand again when it is done.", null).retryAfter(RETRY_SOON);
    }

    /**
     * What the cycle does for one object: provision, and when that stages the object's disable or delete (it left
     * scope), carry it out now, as asked, rather than at the end of a cycle.
     */
    private Outcome provision(JobContext job, Read read) {
        ObjectChange.ObjectChanged change = read.change();
        Link link = links.find(job.jobId(), Set.of(change.anchor())).get(change.anchor());
        Set<Deferred> pending = deferred.pending(job.jobId(), Set.of(change.anchor()))
                .getOrDefault(change.anchor(), Set.of());
        return provisioner.provision(job, change, link, pending, ObjectProvisioner.Baseline.TARGET)
                .orElseGet(() -> {
                    Outcome outcome = deprovisioner.deprovision(job, change, link);
                    if (!outcome.failed()) {
                        deferred.done(job.jobId(), Deferred.DEPROVISION, change.anchor());
                    }
                    return outcome;
                });
    }

    private OnDemandAnswer.Worked worked(JobContext job, String runId, Read read, Outcome outcome,
                                         ProvisioningObjectSummary.Initiator initiator) {
        String tenant = Tenants.ofJob(job.jobId()).map(UUID::toString).orElse(defaultTenant);
        return new OnDemandAnswer.Worked(ProvisioningLogs.summary(tenant, job, runId, PHASE, read.change(), outcome,
                read.started(), initiator), outcome.stepTimes());
    }

    private static ObjectChange.ObjectChanged change(JobContext job, String runId, SourceEntry entry) {
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId(), runId,
                entry.type(), entry.anchor(), entry.dn(), false, SourceImages.image(entry));
    }

    /** An object not read: the record names it as the caller did. */
    private static ObjectChange.ObjectChanged missing(JobContext job, String runId, Subject subject) {
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId(), runId,
                subject.type(), subject.objectId(), looksLikeUuid(subject.objectId()) ? null : subject.objectId(),
                false, Map.of());
    }

    private static boolean looksLikeUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
