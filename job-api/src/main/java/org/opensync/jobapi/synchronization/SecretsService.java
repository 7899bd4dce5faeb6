package org.opensync.jobapi.synchronization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.Topics;
import org.opensync.common.outbox.Outbox;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsChanged;
import org.opensync.common.secrets.SecretsConfig;

/**
 * Stores each service principal's connection secrets sealed with the at-rest key, and hands them to the services
 * that connect to directories sealed with the transport key on {@code sync.secrets}. Plain values exist only in
 * memory while a request or a connection needs them. Created at startup, so that job-api without valid keys does
 * not start at all.
 */
@ApplicationScoped
@Startup
public class SecretsService {
    private static final TypeReference<List<SecretEntry>> ENTRIES = new TypeReference<>() {
    };

    private final SecretBox atRest;
    private final SecretBox transport;
    private final Outbox outbox;
    private final Event<SecretsReplaced> replaced;

    @Inject
    public SecretsService(SecretsConfig config, Outbox outbox, Event<SecretsReplaced> replaced) {
        this.atRest = config.atRestBox();
        this.transport = config.transportBox();
        this.outbox = outbox;
        this.replaced = replaced;
    }

    public List<SecretEntry> read(UUID servicePrincipalId) {
        ServicePrincipalSecret stored = ServicePrincipalSecret.findById(servicePrincipalId);
        return stored == null ? List.of() : decode(atRest.open(stored.sealed, servicePrincipalId.toString()));
    }

    /** Keys that have a non-blank value. */
    public Set<String> configuredKeys(UUID servicePrincipalId) {
        return read(servicePrincipalId).stream().filter(e -> e.value() != null && !e.value().isBlank())
                .map(SecretEntry::key).collect(Collectors.toSet());
    }

    /**
     * Replaces the whole set, as Graph's PUT does: keys not sent are gone. Concurrent replacements of one service
     * principal's set are serialised by a lock on its service principal row (the set may not exist yet): each is
     * applied whole, one after the other, and gets the next {@code version}. The row is written before the event
     * is queued, so the outbox (and the partition of {@code sync.secrets}) holds the sets in commit order, each with
     * its version (the mirrors ignore a set older than the one they have).
     *
     * @return the version committed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long replace(UUID servicePrincipalId, List<SecretEntry> entries) {
        String plain = encode(entries);
        String context = servicePrincipalId.toString();
        lockServicePrincipal(servicePrincipalId);
        ServicePrincipalSecret stored = ServicePrincipalSecret.<ServicePrincipalSecret>findByIdOptional(
                servicePrincipalId).orElseGet(ServicePrincipalSecret::new);
        stored.servicePrincipalId = servicePrincipalId;
        stored.sealed = atRest.seal(plain, context);
        stored.updatedAt = Instant.now();
        stored.persist();
        ServicePrincipalSecret.flush();
        outbox.publish(Topics.SECRETS, new SecretsChanged(UUID.randomUUID().toString(), Instant.now(), context,
                transport.seal(plain, context), stored.version));
        replaced.fire(new SecretsReplaced(servicePrincipalId, configuredKeys(servicePrincipalId)));
        return stored.version;
    }

    /** The version of the stored set, or empty when there is none. */
    public java.util.OptionalLong version(UUID servicePrincipalId) {
        ServicePrincipalSecret stored = ServicePrincipalSecret.findById(servicePrincipalId);
        return stored == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(stored.version);
    }

    private static void lockServicePrincipal(UUID servicePrincipalId) {
        ServicePrincipalSecret.getEntityManager()
                .createNativeQuery("select id from service_principal where id = ?1 for update")
                .setParameter(1, servicePrincipalId).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAll(UUID servicePrincipalId) {
        if (ServicePrincipalSecret.deleteById(servicePrincipalId)) {
            outbox.publishTombstone(Topics.SECRETS, servicePrincipalId.toString());
        }
    }

    private static String encode(List<SecretEntry> entries) {
        try {
            return EventCodec.mapper().writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode secrets", e);
        }
    }

    private static List<SecretEntry> decode(String plain) {
        try {
            return EventCodec.mapper().readValue(plain, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored secrets are unreadable", e);
        }
    }
}
