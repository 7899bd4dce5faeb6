package org.opensync.schemaservice.schema;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.JobCommand;
import org.opensync.common.inbox.EventConsumer;

/** Gives every new job a copy of its template's schema, and forgets the schema of a deleted job. */
@ApplicationScoped
public class JobCommandConsumer {
    private static final String CONSUMER = "schema-service.job-commands";

    private final EventConsumer consumer;
    private final JobSchemaService schemas;

    @Inject
    public JobCommandConsumer(EventConsumer consumer, JobSchemaService schemas) {
        this.consumer = consumer;
        this.schemas = schemas;
    }

    @Incoming("job-commands")
    @Blocking
    public void onCommand(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, JobCommand.class, command -> {
            if (command instanceof JobCommand.JobCreated created) {
                schemas.createFromTemplate(created);
            } else if (command instanceof JobCommand.JobDeleted) {
                schemas.delete(command.jobId());
            }
        });
    }
}
