package org.opensync.common.mirror;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the schema and secret mirrors from the compacted topics, in the services that connect to directories
 * (build property {@code sync.mirrors.enabled=true}, channels {@code schemas} and {@code secrets}). When a job's
 * schema is removed, {@link JobRemoved} tells the service to drop what it kept about the job.
 */
@ApplicationScoped
@IfBuildProperty(name = "sync.mirrors.enabled", stringValue = "true")
public class MirrorConsumers {
    private final SchemaMirror schemas;
    private final SecretsMirror secrets;
    private final Event<JobRemoved> jobRemoved;

    @Inject
    public MirrorConsumers(SchemaMirror schemas, SecretsMirror secrets, Event<JobRemoved> jobRemoved) {
        this.schemas = schemas;
        this.secrets = secrets;
        this.jobRemoved = jobRemoved;
    }

    /** Fired in the transaction that removed the job's schema copy. */
    public record JobRemoved(String jobId) {
    }

    @Incoming("schemas")
    @Blocking
    @Transactional
    public void onSchema(ConsumerRecord<String, String> record) {
        schemas.apply(record);
        if (record.value() == null) {
            jobRemoved.fire(new JobRemoved(record.key()));
        }
    }

    @Incoming("secrets")
    @Blocking
    @Transactional
    public void onSecrets(ConsumerRecord<String, String> record) {
        secrets.apply(record);
    }
}
