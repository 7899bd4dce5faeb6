package org.opensync.jobapi.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opensync.jobapi.serviceprincipal.DirectoryKey;

/**
 * The subset of Graph's application that instantiating an application template creates. Its service principal is the
 * one of the same tenant with the same appId.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "app_id")
    public UUID appId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "application_template_id")
    public String applicationTemplateId;

    @Column(name = "sign_in_audience")
    public String signInAudience = "AzureADMyOrg";

    /** The application that instantiated it, as for service principals. */
    @Column(name = "owner_app_id")
    public String ownerAppId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** An application of {@code tenant} by object id, or by the alternate key {@code appId=<guid>}. */
    public static Optional<Application> findByKey(UUID tenant, String key) {
        return DirectoryKey.parse(key)
                .flatMap(k -> find(k.condition(), tenant, k.value()).<Application>firstResultOptional());
    }
}
