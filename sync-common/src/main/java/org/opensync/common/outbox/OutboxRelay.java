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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
 * A row Kafka can never accept (larger than {@code max.request.size}, unserializable) is moved to {@code outbox_dead}
 * with the reason instead of blocking the rows behind it; their count is {@link #deadRows()}.
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
    /** The retriable failure that ended the current drain's last batch; only the worker thread touches it. */
    private Throwable failedAt;
    private final AtomicLong deadRows = new AtomicLong();
    private final AtomicLong backlogRows = new AtomicLong();
    private volatile Instant oldestRow;

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
            failedAt = null;
            int dealtWith;
            do {
                dealtWith = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (dealtWith == BATCH_SIZE); // a full batch means more rows may be waiting
            if (dealtWith < 0) {
                throw new IllegalStateException(String.valueOf(failedAt), failedAt);
            }
            if (lastDrainFailed) {
                LOG.info("outbox publishing recovered");
                lastDrainFailed = false;
            }
        } catch (RuntimeException e) {
            if (!lastDrainFailed) {
                LOG.warnf("outbox publishing failed, rows are kept and retried: %s", e.getMessage());
            }
            lastDrainFailed = true;
        }
        countRows();
    }

    /**
     * Publishes up to a batch of rows in id order and deletes those Kafka acknowledged. A row Kafka can never take
     * (see {@link #permanent}) is moved to {@code outbox_dead} with the reason, so the rows behind it keep flowing;
     * at the first failure that may pass (broker unreachable, timeout) the rows from there on are kept and retried,
     * after the ones before it are deleted. Returns the rows dealt with, or -1 after such a failure.
     */
    private int publishBatch() throws InterruptedException {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> rows = rowsInOrder();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Sent> sent = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        for (OutboxEvent row : rows) {
            try {
                sent.add(new Sent(row, producer.send(record(row)), null));
            } catch (RuntimeException e) {
                if (!permanent(e)) {
                    sendFailure = e;
                    break;
                }
                sent.add(new Sent(row, null, e));
            }
        }
        List<Long> delivered = new ArrayList<>();
        int dealtWith = 0;
        Throwable retriable = sendFailure;
        for (Sent attempt : sent) {
            Throwable failure = attempt.failure();
            if (failure == null) {
                try {
                    attempt.ack().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    delivered.add(attempt.row().id);
                    dealtWith++;
                    continue;
                } catch (ExecutionException e) {
                    failure = e.getCause() == null ? e : e.getCause();
                } catch (TimeoutException e) {
                    failure = e;
                }
            }
            if (!permanent(failure)) {
                retriable = failure;
                break;
            }
            moveAside(attempt.row(), failure);
            dealtWith++;
        }
        if (!delivered.isEmpty()) {
            entityManager.createNativeQuery("delete from outbox_event where id = any(?1)")
                    .setParameter(1, delivered.toArray(Long[]::new)).executeUpdate();
        }
        if (retriable != null) {
            failedAt = retriable;
            return -1;
        }
        return dealtWith;
    }

    /**
     * The next batch of rows, oldest first. Native SQL, as every statement of the relay: a query in Hibernate's own
     * language would load its parser (ANTLR, the HQL grammar and its trees: 700-1,000 classes, ~8 MiB of a service's
     * memory) into every service, most of which have no other use for it.
     */
    @SuppressWarnings("unchecked")
    private List<OutboxEvent> rowsInOrder() {
        return entityManager.createNativeQuery("select * from outbox_event order by id limit ?1", OutboxEvent.class)
                .setParameter(1, BATCH_SIZE).getResultList();
    }

    /**
     * Failures that sending the same record again cannot cure: the record is larger than the producer's
     * {@code max.request.size} or the broker's {@code message.max.bytes}, or cannot be serialized or built.
     */
    static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof InvalidRecordException
                    || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private void moveAside(OutboxEvent row, Throwable failure) {
        String reason = failure.toString();
        if (reason.length() > 2000) {
            reason = reason.substring(0, 2000);
        }
        entityManager.createNativeQuery("""
                        insert into outbox_dead (outbox_id, event_id, topic, record_key, event_type, event_version,
                            payload, created_at, failed_at, reason, traceparent)
                        select id, event_id, topic, record_key, event_type, event_version, payload, created_at, now(), ?2,
                            traceparent
                        from outbox_event where id = ?1""")
                .setParameter(1, row.id).setParameter(2, reason).executeUpdate();
        entityManager.createNativeQuery("delete from outbox_event where id = ?1").setParameter(1, row.id)
                .executeUpdate();
        LOG.errorf("outbox row %d (event %s, %s on %s, key %s) cannot be published and was moved to outbox_dead: %s",
                row.id, row.eventId, row.eventType, row.topic, row.recordKey, reason);
    }

    /** Rows moved aside so far, as last counted (the gauge {@code sync_outbox_dead_rows} and the health check). */
    public long deadRows() {
        return deadRows.get();
    }

    /** Whether the last attempt to publish failed with a failure that is retried (e.g. Kafka unreachable). */
    public boolean publishingFailing() {
        return lastDrainFailed;
    }

    /** Rows waiting to be published, as last counted (after every drain, also a failed one). */
    public long backlogRows() {
        return backlogRows.get();
    }

    /** How long the oldest row waiting to be published has waited; zero when none waits. */
    public Duration oldestRowAge() {
        Instant oldest = oldestRow;
        return oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    }

    /**
     * Counts the rows left and moved aside, for the gauges and the health check; a failure here (the database being
     * down, the likely reason the drain failed too) keeps the previous counts, which the next drain corrects.
     */
    private void countRows() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Number dead = (Number) entityManager.createNativeQuery("select count(*) from outbox_dead")
                        .getSingleResult();
                deadRows.set(dead.longValue());
                Object[] waiting = (Object[]) entityManager.createNativeQuery(
                        "select count(*), min(created_at) from outbox_event").getSingleResult();
                backlogRows.set(((Number) waiting[0]).longValue());
                oldestRow = waiting[1] == null ? null : toInstant(waiting[1]);
            });
        } catch (RuntimeException e) {
            LOG.debugf("outbox rows not counted: %s", e.getMessage());
        }
    }

    private static Instant toInstant(Object timestamp) {
        return timestamp instanceof java.sql.Timestamp sql ? sql.toInstant()
                : timestamp instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) timestamp;
    }

    private record Sent(OutboxEvent row, Future<RecordMetadata> ack, Throwable failure) {
    }

    private static ProducerRecord<String, String> record(OutboxEvent row) {
        return EventRecords.of(row.topic, null, row.recordKey, row.eventId, row.eventType, row.eventVersion,
                row.payload, row.traceparent);
    }
}
