package org.opensync.jobapi.auditlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.logs.ProvisioningObjectSummary.ProvisionedIdentity;
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
    /** A log already stored under its id (sent again under another event id) is kept as it is. */
    private static final String INSERT = """
            insert into provisioning_log (id, tenant_id, job_id, cycle_id, change_id, activity_date_time, action,
                status, service_principal_id, source_id, source_display_name, source_identity_type, target_id,
                target_display_name, target_identity_type, body)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
            on conflict (id) do nothing""";

    private final EntityManager entityManager;
    private final JobApiConfig config;
    private final EventConsumer consumer;
    private final TableStatistics statistics;
    private final ObjectMapper mapper;

    @Inject
    public ProvisioningLogStore(EntityManager entityManager, JobApiConfig config, EventConsumer consumer,
                                TableStatistics statistics, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.config = config;
        this.consumer = consumer;
        this.statistics = statistics;
        this.mapper = mapper;
    }

    /**
     * Stores a batch of records in one transaction. A log is stored under its own id, which a redelivered record
     * carries again, so the inbox would only add a row per log (100,000 in a large directory's first cycle).
     */
    @Incoming("provisioning-logs")
    @Blocking
    public void onLogs(ConsumerRecords<String, String> records) {
        consumer.processIdempotentBatch(CONSUMER, records, ProvisioningLogRecorded.class, logs -> {
            Map<String, ProvisioningObjectSummary> fresh = new LinkedHashMap<>();
            logs.forEach(log -> fresh.putIfAbsent(log.summary().id(), log.summary()));
            store(fresh);
        });
    }

    /**
     * One JDBC batch of plain inserts: the records are immutable, so the ORM's entity copies and snapshots (each a
     * JSON round trip of the body) would be pure cost at a cycle's rate of thousands a second.
     */
    private void store(Map<String, ProvisioningObjectSummary> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ProvisioningObjectSummary summary : fresh.values()) {
                    bind(insert, summary);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        statistics.written("provisioning_log", fresh.size());
    }

    private void bind(PreparedStatement insert, ProvisioningObjectSummary summary) throws SQLException {
        ProvisionedIdentity source = summary.sourceIdentity();
        ProvisionedIdentity target = summary.targetIdentity();
        insert.setString(1, summary.id());
        insert.setObject(2, tenantOf(summary));
        insert.setString(3, summary.jobId());
        insert.setString(4, summary.cycleId());
        insert.setString(5, summary.changeId());
        insert.setObject(6, summary.activityDateTime().atOffset(ZoneOffset.UTC));
        insert.setString(7, summary.provisioningAction());
        insert.setString(8, summary.provisioningStatusInfo() == null ? null
                : summary.provisioningStatusInfo().status());
        insert.setString(9, summary.servicePrincipal() == null ? null : summary.servicePrincipal().id());
        insert.setString(10, source == null ? null : source.id());
        insert.setString(11, source == null ? null : source.displayName());
        insert.setString(12, source == null ? null : source.identityType());
        insert.setString(13, target == null ? null : target.id());
        insert.setString(14, target == null ? null : target.displayName());
        insert.setString(15, target == null ? null : target.identityType());
        try {
            insert.setString(16, mapper.writeValueAsString(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a provisioning-log record cannot be written as JSON", e);
        }
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
