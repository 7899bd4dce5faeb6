package org.opensync.jobapi.synchronization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The sealed secret set of one service principal, versioned for optimistic concurrency. */
@Entity
@Table(name = "service_principal_secret")
public class ServicePrincipalSecret extends PanacheEntityBase {
    @Id
    @Column(name = "service_principal_id")
    public UUID servicePrincipalId;

    public String sealed;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Incremented by every replacement (0 for the first set); a write based on an older version fails. */
    @Version
    public long version;
}
