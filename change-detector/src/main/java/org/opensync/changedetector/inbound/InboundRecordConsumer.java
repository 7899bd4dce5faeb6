package org.opensync.changedetector.inbound;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.InboundRecordReceived;
import org.opensync.common.inbox.EventConsumer;

/**
 * Keeps every bulkUpload record in this service's database, in the consumer's transaction: the job's next cycle
 * publishes it (a paused job's wait until it is started).
 */
@ApplicationScoped
public class InboundRecordConsumer {
    private static final String CONSUMER = "change-detector.inbound-records";

    private final EventConsumer consumer;
    private final InboundRecords records;

    @Inject
    public InboundRecordConsumer(EventConsumer consumer, InboundRecords records) {
        this.consumer = consumer;
        this.records = records;
    }

    @Incoming("inbound-records")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, InboundRecordReceived.class, records::store);
    }
}
