package org.opensync.jobapi.auditlog;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.stats.TableStatistics;
import org.opensync.common.tenancy.Tenants;
import org.opensync.common.web.ErrorCode;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.odata.ODataFilter;
import org.opensync.jobapi.odata.Paging;
import org.opensync.jobapi.odata.ResultPage;

/**
 * Keeps the provisioning logs the provisioner publishes, and answers queries over them. Records are consumed in
 * batches and stored by id, so a redelivered record is stored once.
 */
@ApplicationScoped
public class ProvisioningLogStore {
    private static final String CONSUMER = "job-api.provisioning-logs";
    /** Graph compares log filter values case-sensitively. */
    private static final ODataFilter FILTER = new ODataFilter(Map.ofEntries(
            Map.entry("id", text("id")),
            Map.entry("jobId", text("jobId")),
            Map.entry("cycleId", text("cycleId")),
            Map.entry("changeId", text("changeId")),
            Map.entry("activityDateTime", new ODataFilter.Property("activityDateTime", ODataFilter.Kind.DATETIME)),
            Map.entry("provisioningAction", text("action")),
            Map.entry("provisioningStatusInfo/status", text("status")),
            Map.entry("servicePrincipal/id", text("servicePrincipalId")),
            Map.entry("sourceIdentity/id", text("sourceId")),
            Map.entry("sourceIdentity/displayName", text("sourceDisplayName")),
            Map.entry("sourceIdentity/identityType", text("sourceIdentityType")),
            Map.entry("targetIdentity/id", text("targetId")),
            Map.entry("targetIdentity/displayName", text("targetDisplayName")),
            Map.entry("targetIdentity/identityType", text("targetIdentityType"))),
            false, ErrorCode.INVALID_REQUEST);

    private final EntityManager entityManager;
    private final JobApiConfig config;
    private final EventConsumer consumer;
    private final TableStatistics statistics;

    @Inject
    public ProvisioningLogStore(EntityManager entityManager, JobApiConfig config, EventConsumer consumer,
                                TableStatistics statistics) {
        this.entityManager = entityManager;
        this.config = config;
        this.consumer = consumer;
        this.statistics = statistics;
    }

    /**
     * Stores a batch of records in one transaction. A log already stored under its id (sent again under another
     * event id) is kept as it is.
     */
    @Incoming("provisioning-logs")
    @Blocking
    public void onLogs(ConsumerRecords<String, String> records) {
        consumer.processBatch(CONSUMER, records, ProvisioningLogRecorded.class, logs -> {
            Map<String, ProvisioningObjectSummary> fresh = new LinkedHashMap<>();
            logs.forEach(log -> fresh.putIfAbsent(log.summary().id(), log.summary()));
            store(fresh);
        });
    }

    private void store(Map<String, ProvisioningObjectSummary> fresh) {
        entityManager.createQuery("select e.id from ProvisioningLogEntry e where e.id in :ids", String.class)
                .setParameter("ids", fresh.keySet()).getResultList().forEach(fresh::remove);
        fresh.values().forEach(summary -> entityManager.persist(entry(summary)));
        statistics.written("provisioning_log", fresh.size());
    }

    /** Records of {@code tenant} only, by activity time ({@code newestFirst} or oldest first). */
    public ResultPage<ProvisioningObjectSummary> list(UUID tenant, String filter, boolean newestFirst, Paging paging) {
        ODataFilter.Condition condition = FILTER.parse(filter);
        Map<String, Object> parameters = new HashMap<>(condition.parameters());
        parameters.put("tenant", tenant);
        return ResultPage.read(ProvisioningLogEntry.<ProvisioningLogEntry>find("(" + condition.jpql()
                        + ") and tenantId = :tenant order by activityDateTime " + (newestFirst ? "desc" : "asc")
                        + ", id", parameters), paging, false).map(row -> row.body);
    }

    public Optional<ProvisioningObjectSummary> find(UUID tenant, String id) {
        return ProvisioningLogEntry.<ProvisioningLogEntry>findByIdOptional(id)
                .filter(row -> row.tenantId.equals(tenant)).map(row -> row.body);
    }

    /** Graph keeps 30 days of logs with a premium licence; the retention here is configurable. */
    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void forgetExpired() {
        ProvisioningLogEntry.delete("activityDateTime < ?1", Instant.now().minus(config.logRetention()));
    }

    private static ProvisioningLogEntry entry(ProvisioningObjectSummary summary) {
        ProvisioningLogEntry entry = new ProvisioningLogEntry();
        entry.id = summary.id();
        entry.jobId = summary.jobId();
        entry.tenantId = tenantOf(summary);
        entry.cycleId = summary.cycleId();
        entry.changeId = summary.changeId();
        entry.activityDateTime = summary.activityDateTime();
        entry.action = summary.provisioningAction();
        entry.status = summary.provisioningStatusInfo() == null ? null : summary.provisioningStatusInfo().status();
        entry.servicePrincipalId = summary.servicePrincipal() == null ? null : summary.servicePrincipal().id();
        if (summary.sourceIdentity() != null) {
            entry.sourceId = summary.sourceIdentity().id();
            entry.sourceDisplayName = summary.sourceIdentity().displayName();
            entry.sourceIdentityType = summary.sourceIdentity().identityType();
        }
        if (summary.targetIdentity() != null) {
            entry.targetId = summary.targetIdentity().id();
            entry.targetDisplayName = summary.targetIdentity().displayName();
            entry.targetIdentityType = summary.targetIdentity().identityType();
        }
        entry.body = summary;
        return entry;
    }

    /**
     * The tenant of the job the record names; a record whose job id names no tenant keeps the tenant it states when
     * that is a GUID, and otherwise belongs to nobody (the nil GUID), so it can never show up in a real tenant.
     */
    static UUID tenantOf(ProvisioningObjectSummary summary) {
        return Tenants.ofJob(summary.jobId()).orElseGet(() -> {
            try {
                return UUID.fromString(summary.tenantId());
            } catch (RuntimeException notAGuid) {
                return new UUID(0, 0);
            }
        });
    }

    private static ODataFilter.Property text(String field) {
        return new ODataFilter.Property(field, ODataFilter.Kind.TEXT);
    }
}
