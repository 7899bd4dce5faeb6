package org.opensync.common.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.query.NativeQuery;
import org.opensync.common.events.EventCodec;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretUnavailableException;
import org.opensync.common.secrets.SecretsChanged;
import org.opensync.common.secrets.SecretsConfig;

/**
 * This service's copy of {@code sync.secrets}: each service principal's connection secrets, still sealed with the
 * transport key, opened only when a connection is made. Fed by {@link MirrorConsumers} in the services that enable
 * the mirrors; created at startup, so that such a service without a valid transport key does not start at all.
 */
@ApplicationScoped
@Startup
@IfBuildProperty(name = "sync.mirrors.enabled", stringValue = "true")
public class SecretsMirror {
    private static final TypeReference<List<Map<String, String>>> ENTRIES = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final SecretBox transport;

    @Inject
    public SecretsMirror(EntityManager entityManager, SecretsConfig config) {
        this.entityManager = entityManager;
        this.transport = config.transportBox();
    }

    /**
     * Newer records replace older ones; a record with a lower version than the stored one (re-delivered, or
     * overtaken) is ignored, and one without a version (published before sets were versioned) is applied. A
     * tombstone (deleted service principal) removes the copy.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            entityManager.createNativeQuery("delete from mirrored_secret where service_principal_id = ?1")
                    .setParameter(1, record.key()).executeUpdate();
            return;
        }
        SecretsChanged changed = EventRecords.decode(record, SecretsChanged.class);
        entityManager.createNativeQuery("""
                        insert into mirrored_secret (service_principal_id, sealed, version, updated_at)
                        values (?1, ?2, ?3, now())
                        on conflict (service_principal_id) do update set sealed = excluded.sealed,
                            version = excluded.version, updated_at = now()
                        where excluded.version is null or mirrored_secret.version is null
                            or excluded.version >= mirrored_secret.version""")
                // typed, so that a missing (legacy) number binds as a null bigint
                .unwrap(NativeQuery.class)
                .setParameter(1, changed.servicePrincipalId()).setParameter(2, changed.sealed())
                .setParameter(3, changed.secretsVersion(), Long.class).executeUpdate();
    }

    /** The secrets by key, or empty when the service principal has none. */
    @Transactional
    public Optional<Map<String, String>> secretsOf(String servicePrincipalId) {
        @SuppressWarnings("unchecked")
        List<String> sealed = entityManager.createNativeQuery(
                        "select sealed from mirrored_secret where service_principal_id = ?1")
                .setParameter(1, servicePrincipalId).getResultList();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, String> secrets = new LinkedHashMap<>();
            EventCodec.mapper().readValue(open(sealed.get(0), servicePrincipalId), ENTRIES)
                    .forEach(entry -> secrets.put(entry.get("key"), entry.get("value")));
            return Optional.of(secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the secrets of " + servicePrincipalId + " are unreadable");
        }
    }

    /** @throws SecretUnavailableException saying what a tenant or an operator can do about it */
    private String open(String sealed, String servicePrincipalId) {
        try {
            return transport.open(sealed, servicePrincipalId);
        } catch (SecretUnavailableException e) {
            throw new SecretUnavailableException("The service principal's secrets cannot be opened (" + e.getMessage()
                    + "); check sync.secrets.transport-key and sync.secrets.previous-transport-keys, then PUT the "
                    + "secrets again.");
        }
    }
}
