package org.opensync.changedetector;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.changedetector.cycle.JobState;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;

/** Keeps the local copies of job schemas and connection secrets; a deleted job's read state goes with it. */
@ApplicationScoped
public class MirrorConsumers {
    private final SchemaMirror schemas;
    private final SecretsMirror secrets;
    private final JobState state;

    @Inject
    public MirrorConsumers(SchemaMirror schemas, SecretsMirror secrets, JobState state) {
        this.schemas = schemas;
        this.secrets = secrets;
        this.state = state;
    }

    @Incoming("schemas")
    @Blocking
    @Transactional
    public void onSchema(ConsumerRecord<String, String> record) {
        schemas.apply(record);
        if (record.value() == null) {
            state.forget(record.key());
        }
    }

    @Incoming("secrets")
    @Blocking
    @Transactional
    public void onSecrets(ConsumerRecord<String, String> record) {
        secrets.apply(record);
    }
}
