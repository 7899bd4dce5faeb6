package org.opensync.changedetector.inbound;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.changedetector.push.SourceWatches;
import org.opensync.common.events.InboundRecordReceived;
import org.opensync.common.inbox.EventConsumer;

/**
 * Keeps every bulkUpload record in this service's database until the job's next cycle publishes it (a paused job's
 * wait until it is started), a batch of records per transaction: one per record capped ingest at a few dozen records
 * a second. A redelivered record, perhaps published and deleted since, is not stored again: the inbox knows it.
 */
@ApplicationScoped
public class InboundRecordConsumer {
    private static final String CONSUMER = "change-detector.inbound-records";

    private final EventConsumer consumer;
    private final InboundRecords records;
    private final SourceWatches bells;

    @Inject
    public InboundRecordConsumer(EventConsumer consumer, InboundRecords records, SourceWatches bells) {
        this.consumer = consumer;
        this.records = records;
        this.bells = bells;
    }

    /** Once a batch is stored, the bell of each job it brought records for rings (push mode). */
    @Incoming("inbound-records")
    @Blocking
    public void onRecords(ConsumerRecords<String, String> batch) {
        Set<String> jobs = new LinkedHashSet<>();
        consumer.processBatch(CONSUMER, batch, InboundRecordReceived.class, received -> received.forEach(record -> {
            records.store(record);
            jobs.add(record.jobId());
        }));
        jobs.forEach(bells::uploaded);
    }
}
