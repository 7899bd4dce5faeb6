package org.opensync.jobapi.auditlog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.opensync.common.logs.ProvisioningObjectSummary;

/** A stored provisioning-log record; entries are immutable. */
@Entity
@Table(name = "provisioning_log")
public class ProvisioningLogEntry extends PanacheEntityBase {
    @Id
    public String id;

    /** The tenant of the record's job; callers of other tenants never see it. */
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(name = "change_id")
    public String changeId;

    @Column(name = "activity_date_time")
    public Instant activityDateTime;

    public String action;

    public String status;

    @Column(name = "service_principal_id")
    public String servicePrincipalId;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "source_display_name")
    public String sourceDisplayName;

    @Column(name = "source_identity_type")
    public String sourceIdentityType;

    @Column(name = "target_id")
    public String targetId;

    @Column(name = "target_display_name")
    public String targetDisplayName;

    @Column(name = "target_identity_type")
    public String targetIdentityType;

    /** A {@code json} column: stored and returned whole, never queried inside (see the V10 migration). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public ProvisioningObjectSummary body;
}
