package org.opensync.jobapi.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** job-api's copy of a template's metadata, from schema-service's {@code sync.templates}. */
@Entity
@Table(name = "synchronization_template")
public class SynchronizationTemplate extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "factory_tag")
    public String factoryTag;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_secrets")
    public List<String> requiredSecrets = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "job_settings")
    public Map<String, String> jobSettings = new LinkedHashMap<>();

    @Column(name = "updated_at")
    public Instant updatedAt;
}
