package org.opensync.changedetector.cycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opensync.changedetector.inbound.InboundRecords;
import org.opensync.changedetector.inbound.ScimUserImage;
import org.opensync.common.events.ObjectChange;

/**
 * Reads one cycle of an API-sourced job: every stored upload record of the job, in upload order, becomes an object
 * change (anchor and DN = {@code externalId}, so a {@code manager} given as an {@code externalId} resolves like a
 * directory reference). A record is deleted only once Kafka acknowledged its change, and only when every earlier
 * record of the job was acknowledged too: a record left over is published again by the next cycle, never after a
 * newer record of the same person.
 */
final class InboundReader {
    private final String jobId;
    private final String cycleId;
    private final String userType;
    private final ChangePublisher.Batch publisher;
    private final InboundRecords records;
    private final int batchSize;
    private final Runnable stillHeld;
    private final Acknowledgements<InboundRecords.Stored> published = new Acknowledgements<>();
    private long imported;

    InboundReader(String jobId, String cycleId, String userType, ChangePublisher.Batch publisher,
                  InboundRecords records, int batchSize, Runnable stillHeld) {
        this.jobId = jobId;
        this.cycleId = cycleId;
        this.userType = userType;
        this.publisher = publisher;
        this.records = records;
        this.batchSize = batchSize;
        this.stillHeld = stillHeld;
    }

    long imported() {
        return imported;
    }

    /** Publishes the records stored when each page is read; stops at the first page Kafka did not take whole. */
    void read() {
        long after = 0;
        List<InboundRecords.Stored> page;
        do {
            stillHeld.run();
            page = records.page(jobId, after, batchSize);
            for (InboundRecords.Stored record : page) {
                publisher.objectChange(new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(),
                        jobId, cycleId, userType, record.externalId(), record.externalId(), false,
                        ScimUserImage.image(record.externalId(), record.bulkId(), record.user())), published.track(record));
                imported++;
            }
            publisher.flush();
            Acknowledgements.Completed<InboundRecords.Stored> completed = published.drain();
            long firstFailed = completed.failed().stream().mapToLong(InboundRecords.Stored::seq).min()
                    .orElse(Long.MAX_VALUE);
            records.done(completed.acknowledged().stream().filter(record -> record.seq() < firstFailed)
                    .map(InboundRecords.Stored::recordId).toList());
            if (firstFailed != Long.MAX_VALUE) {
                return;
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (page.size() == batchSize);
    }
}
