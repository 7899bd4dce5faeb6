package org.opensync.schemaservice.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A synchronization template as stored: its Graph JSON plus what jobs of it need. */
@Entity
@Table(name = "synchronization_template")
public class TemplateEntity extends PanacheEntityBase {
    @Id
    public String id;

    /** Graph's synchronizationTemplate, schema included. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode body;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_secrets")
    public List<String> requiredSecrets;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "job_settings")
    public Map<String, String> jobSettings;

    @Column(name = "built_in")
    public boolean builtIn;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
