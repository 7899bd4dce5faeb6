package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The synchronization schema of one job, as Graph JSON. */
@Entity
@Table(name = "job_schema")
public class JobSchemaEntity extends PanacheEntityBase {
    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "service_principal_id")
    public String servicePrincipalId;

    @Column(name = "template_id")
    public String templateId;

    /** The application owning the job's service principal, or null. */
    @Column(name = "owner_app_id")
    public String ownerAppId;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode schema;

    public String version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** 0 for the template's copy, +1 for every change; guards against a write based on an older read. */
    @Version
    public long revision;
}
