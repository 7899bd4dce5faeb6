package org.opensync.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.kafka.KafkaProducers;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once acknowledged. It runs right after a
 * transaction that stored events commits, and on a poll as a backstop (rows left by a crash, Kafka outages).
 * A PostgreSQL advisory lock lets one relay at a time work on a database, which keeps per-key order when a service
 * runs several instances.
 * <p>
 * It uses a plain idempotent producer and waits for the acknowledgements on its own thread, inside the transaction
 * that deletes the rows: asynchronous messaging callbacks would carry that transaction to other threads.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 500;
    private static final long ACK_TIMEOUT_SECONDS = 30;
    /** Arbitrary constant naming the outbox lock among the database's advisory locks. */
    private static final long ADVISORY_LOCK_KEY = 0x05ec0b0L;

    private final EntityManager entityManager;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private volatile boolean lastDrainFailed;

    @Inject
    public OutboxRelay(EntityManager entityManager,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.producer = KafkaProducers.create(kafkaConfig, applicationName + "-outbox");
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxStored stored) {
        requestDrain();
    }

    @Scheduled(every = "${sync.outbox.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        requestDrain();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        worker.shutdown();
        try {
            worker.awaitTermination(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }

    private void requestDrain() {
        if (!worker.isShutdown() && drainRequested.compareAndSet(false, true)) {
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

    private int publishBatch() throws InterruptedException, ExecutionException, TimeoutException {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> rows = OutboxEvent.find("order by id").page(0, BATCH_SIZE).list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = rows.stream().map(row -> producer.send(record(row))).toList();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        OutboxEvent.delete("id in ?1", rows.stream().map(row -> row.id).toList());
        return rows.size();
    }

    private static ProducerRecord<String, String> record(OutboxEvent row) {
        return EventRecords.of(row.topic, null, row.recordKey, row.eventId, row.eventType, row.eventVersion,
                row.payload);
    }
}
