package org.opensync.common.mirror;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.inbox.EventConsumer;

/**
 * Feeds the schema and secret mirrors from the compacted topics, in the services that connect to directories
 * (build property {@code sync.mirrors.enabled=true}, channels {@code schemas} and {@code secrets}). When a job's
 * schema is removed, {@link JobRemoved} tells the service to drop what it kept about the job. Records go through
 * {@link EventConsumer}: transient failures are retried in place, undecodable records are dead-lettered.
 */
@ApplicationScoped
@IfBuildProperty(name = "sync.mirrors.enabled", stringValue = "true")
public class MirrorConsumers {
    private final SchemaMirror schemas;
    private final SecretsMirror secrets;
    private final Event<JobRemoved> jobRemoved;
    private final EventConsumer consumer;

    @Inject
    public MirrorConsumers(SchemaMirror schemas, SecretsMirror secrets, Event<JobRemoved> jobRemoved,
                           EventConsumer consumer) {
        this.consumer = consumer;
        this.schemas = schemas;
        this.secrets = secrets;
        this.jobRemoved = jobRemoved;
    }

    /** Fired in the transaction that removed the job's schema copy. */
    public record JobRemoved(String jobId) {
    }

    @Incoming("schemas")
    @Blocking
    public void onSchema(ConsumerRecord<String, String> record) {
        consumer.inTransaction("mirror.schemas", record, () -> {
            schemas.apply(record);
            if (record.value() == null) {
                jobRemoved.fire(new JobRemoved(record.key()));
            }
            return null;
        });
    }

    @Incoming("secrets")
    @Blocking
    public void onSecrets(ConsumerRecord<String, String> record) {
        consumer.inTransaction("mirror.secrets", record, () -> {
            secrets.apply(record);
            return null;
        });
    }
}
