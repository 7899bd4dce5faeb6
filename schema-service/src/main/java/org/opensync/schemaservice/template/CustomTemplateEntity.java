package org.opensync.schemaservice.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A template created through the API for one service principal: its Graph JSON, schema included. */
@Entity
@Table(name = "custom_template")
public class CustomTemplateEntity extends PanacheEntityBase {
    /** {@code <service principal id>/<template id>}, see {@code TemplatePublished.customKey}. */
    @Id
    @Column(name = "template_key")
    public String key;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "service_principal_id")
    public String servicePrincipalId;

    @Column(name = "template_id")
    public String templateId;

    /** The application that created it with Application.ReadWrite.OwnedBy, or null. */
    @Column(name = "owner_app_id")
    public String ownerAppId;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode body;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long revision;
}
