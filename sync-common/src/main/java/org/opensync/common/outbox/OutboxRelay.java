package org.opensync.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.opensync.common.events.EventHeaders;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once acknowledged. It runs right after a
 * transaction that stored events commits, and on a poll as a backstop (rows left by a crash, Kafka outages).
 * A PostgreSQL advisory lock lets one relay at a time work on a database, which keeps per-key order when a service
 * runs several instances.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** Arbitrary constant naming the outbox lock among the database's advisory locks. */
    private static final long ADVISORY_LOCK_KEY = 0x0_5ec_0b0L;

    private final MutinyEmitter<String> emitter;
    private final EntityManager entityManager;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private volatile boolean lastDrainFailed;

    @Inject
    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH_SIZE)
                       MutinyEmitter<String> emitter, EntityManager entityManager) {
        this.emitter = emitter;
        this.entityManager = entityManager;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxStored stored) {
        requestDrain();
    }

    @Scheduled(every = "${sync.outbox.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        requestDrain();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        worker.shutdown();
    }

    private void requestDrain() {
        if (drainRequested.compareAndSet(false, true) && !worker.isShutdown()) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        drainRequested.set(false);
        try {
            while (QuarkusTransaction.requiringNew().call(this::publishBatch) == BATCH_SIZE) {
                // a full batch means more rows may be waiting
            }
            if (lastDrainFailed) {
                LOG.info("outbox publishing recovered");
                lastDrainFailed = false;
            }
        } catch (RuntimeException e) {
            if (!lastDrainFailed) {
                LOG.warnf("outbox publishing failed, rows are kept and retried: %s", e.toString());
            }
            lastDrainFailed = true;
        }
    }

    private int publishBatch() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> rows = OutboxEvent.find("order by id").page(0, BATCH_SIZE).list();
        if (rows.isEmpty()) {
            return 0;
        }
        Uni.join().all(rows.stream().map(this::send).toList()).andFailFast().await().atMost(ACK_TIMEOUT);
        OutboxEvent.delete("id in ?1", rows.stream().map(row -> row.id).toList());
        return rows.size();
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, utf8(row.eventId));
        headers.add(EventHeaders.EVENT_TYPE, utf8(row.eventType));
        headers.add(EventHeaders.EVENT_VERSION, utf8(Integer.toString(row.eventVersion)));
        headers.add(EventHeaders.CONTENT_TYPE, utf8("application/json"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.recordKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload).addMetadata(metadata));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
