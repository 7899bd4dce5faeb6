package org.opensync.common.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.opensync.common.events.Event;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.events.UnreadableEventException;
import org.opensync.common.kafka.ConsumerRetries;
import org.opensync.common.kafka.DeadLetters;
import org.opensync.common.kafka.FailureKind;
import org.opensync.common.kafka.RetryPolicy;
import org.opensync.common.logs.LogContext;
import org.opensync.common.tracing.TraceContext;

/**
 * The one way a service consumes a record: each attempt runs in a new transaction; a transient failure (database or
 * broker unavailable, lock timeout, optimistic-lock conflict…) rolls the attempt back and the record is tried again
 * in place after a back-off (200 ms doubling up to 30 s, for as long as it takes), so the offset does not move and
 * the job's later events wait behind it; a record that can never be processed ({@link FailureKind#POISON}) goes to
 * {@code sync.dead-letter} with the reason and the consumer moves on. Unexpected failures (bugs) are retried like
 * transient ones unless {@code sync.consumer.retry.unexpected-max-attempts} is set. Retrying consumers show in the
 * readiness check and in the {@code sync_consumer_retrying} gauge.
 *
 * <p>Each record is consumed in a span that continues the trace its {@code traceparent} header names (a new trace
 * when it has none), so what the handler does — its outbox rows, the records it publishes, its requests to targets —
 * belongs to the trace of the change that caused it.
 *
 * <p>The {@code @Incoming} method must not be {@code @Transactional} itself: a failed attempt must not leave the
 * next one inside a transaction marked for rollback.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final RetryPolicy policy;
    private final ConsumerRetries retries;
    private final Tracer tracer;
    private final CountDownLatch shutdown = new CountDownLatch(1);

    @Inject
    public EventConsumer(Inbox inbox, DeadLetters deadLetters, RetryPolicy policy, ConsumerRetries retries,
                         Tracer tracer) {
        this.tracer = tracer;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.policy = policy;
        this.retries = retries;
    }

    void stop(@Observes ShutdownEvent event) {
        shutdown.countDown();
    }

    /**
     * Decodes the record as {@code contract} and hands it to {@code handler} once per consumer (the event id is
     * recorded by the {@link Inbox} in the handler's transaction).
     */
    public <T extends Event> void process(String consumer, ConsumerRecord<String, String> record, Class<T> contract,
                                          Consumer<T> handler) {
        try (LogContext job = LogContext.jobOfKey(record.key())) {
            inTransaction(consumer, record, () -> {
                inbox.process(consumer, record, contract, handler);
                return Boolean.TRUE;
            });
        }
    }

    /**
     * A batch of records in one transaction instead of one per record (each commit is a disk flush: per record, a
     * busy stream of small events goes no faster than a few dozen a second). Records that cannot be decoded are
     * dead-lettered one by one first; the events this consumer has not processed yet (the {@link Inbox} records them
     * in the transaction) then go to {@code handler} together. A transient failure retries the batch after a
     * back-off; a failure that would dead-letter a single record (poison, or an unexpected one repeated up to
     * {@code sync.consumer.retry.unexpected-max-attempts}) splits the batch: each record is then processed on its
     * own, as {@link #process} does, so only the bad one is set aside.
     */
    public <T extends Event> void processBatch(String consumer, ConsumerRecords<String, String> records,
                                               Class<T> contract, Consumer<List<T>> handler) {
        processBatch(consumer, records, contract, true, handler);
    }

    /**
     * As {@link #processBatch}, for a handler whose writes are keyed by what the events carry (a redelivered event
     * writes the same rows again, which the handler's statements ignore): such a handler needs no {@link Inbox}, so
     * its batches write no inbox rows, and every decoded event goes to it, redelivered ones included.
     */
    public <T extends Event> void processIdempotentBatch(String consumer, ConsumerRecords<String, String> records,
                                                         Class<T> contract, Consumer<List<T>> handler) {
        processBatch(consumer, records, contract, false, handler);
    }

    private <T extends Event> void processBatch(String consumer, ConsumerRecords<String, String> records,
                                                Class<T> contract, boolean throughInbox, Consumer<List<T>> handler) {
        Map<String, T> decoded = new LinkedHashMap<>();
        List<ConsumerRecord<String, String>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                decoded.putIfAbsent(Inbox.eventId(record), EventRecords.decode(record, contract));
                readable.add(record);
            } catch (UnreadableEventException e) {
                untilDone(consumer, "dead-lettering " + describe(record), () -> {
                    deadLetters.send(record, e.getMessage(), consumer);
                    return null;
                });
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        traced(consumer, readable, () -> {
            inBatchTransactions(consumer, readable, decoded, contract, throughInbox, handler);
            return null;
        });
    }

    private <T extends Event> void inBatchTransactions(String consumer, List<ConsumerRecord<String, String>> readable,
                                                       Map<String, T> decoded, Class<T> contract,
                                                       boolean throughInbox, Consumer<List<T>> handler) {
        String what = "a batch of " + decoded.size() + " records";
        Instant since = Instant.now();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> handler.accept(throughInbox
                            ? firstDeliveries(consumer, decoded) : new ArrayList<>(decoded.values())));
                    return;
                } catch (RuntimeException e) {
                    FailureKind kind = FailureKind.of(e);
                    if (deadLettersAfter(kind, attempt)) {
                        LOG.warnf("%s: %s failed (%s: %s); its records are processed one by one", consumer, what,
                                kind, rootMessage(e, false));
                        readable.forEach(record -> {
                            if (throughInbox) {
                                process(consumer, record, contract, event -> handler.accept(List.of(event)));
                            } else {
                                processAlone(consumer, record, contract, handler);
                            }
                        });
                        return;
                    }
                    backOff(consumer, what, since, attempt, kind, e);
                }
            }
        } finally {
            retries.done(consumer);
        }
    }

    /** The events of the batch this consumer has not processed yet, recorded as processed now. */
    private <T extends Event> List<T> firstDeliveries(String consumer, Map<String, T> decoded) {
        Set<String> firstDeliveries = inbox.firstDeliveries(consumer, decoded.keySet());
        List<T> fresh = new ArrayList<>(firstDeliveries.size());
        decoded.forEach((eventId, event) -> {
            if (firstDeliveries.contains(eventId)) {
                fresh.add(event);
            }
        });
        return fresh;
    }

    private <T extends Event> void processAlone(String consumer, ConsumerRecord<String, String> record,
                                                Class<T> contract, Consumer<List<T>> handler) {
        try (LogContext job = LogContext.jobOfKey(record.key())) {
            inTransaction(consumer, record, () -> {
                handler.accept(List.of(EventRecords.decode(record, contract)));
                return Boolean.TRUE;
            });
        }
    }

    /**
     * Runs {@code work} for the record in a new transaction per attempt, as described above.
     *
     * @return what the work returned, empty when it returned null or the record was dead-lettered
     */
    public <R> Optional<R> inTransaction(String consumer, ConsumerRecord<String, String> record, Supplier<R> work) {
        return traced(consumer, List.of(record), () -> retried(consumer, record, work));
    }

    /**
     * Runs {@code work} in the span of consuming {@code records}, current meanwhile: it continues the trace of the
     * first record (a batch usually comes from one request or cycle) and links the others' traces. For consumers
     * that spread a batch over threads of their own and retry with {@link #untilDone}; {@link #process},
     * {@link #processBatch} and {@link #inTransaction} open it themselves.
     */
    public <R> R traced(String consumer, List<ConsumerRecord<String, String>> records, Supplier<R> work) {
        ConsumerRecord<String, String> first = records.get(0);
        Context parent = TraceContext.parent(TraceContext.of(first.headers()));
        SpanBuilder builder = tracer.spanBuilder(first.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", first.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", Integer.toString(first.partition()))
                .setAttribute("messaging.kafka.offset", first.offset())
                .setAttribute("messaging.batch.message_count", records.size());
        // a cycle's records share one context: each other trace is linked once
        Set<SpanContext> linked = new HashSet<>(Set.of(Span.fromContext(parent).getSpanContext()));
        for (ConsumerRecord<String, String> other : records.subList(1, records.size())) {
            SpanContext context = Span.fromContext(TraceContext.parent(TraceContext.of(other.headers())))
                    .getSpanContext();
            if (context.isValid() && linked.add(context)) {
                builder.addLink(context);
            }
        }
        Span span = builder.startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }

    private <R> Optional<R> retried(String consumer, ConsumerRecord<String, String> record, Supplier<R> work) {
        String where = describe(record);
        Instant since = Instant.now();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return Optional.ofNullable(QuarkusTransaction.requiringNew().call(work::get));
                } catch (RuntimeException e) {
                    FailureKind kind = FailureKind.of(e);
                    if (deadLettersAfter(kind, attempt)) {
                        if (deadLetter(consumer, record, kind, e)) {
                            return Optional.empty();
                        }
                    }
                    backOff(consumer, where, since, attempt, kind, e);
                }
            }
        } finally {
            retries.done(consumer);
        }
    }

    /**
     * Retries {@code attempt} (which opens its own transactions, e.g. a batch consumer's {@code @Transactional}
     * bean method) until it succeeds. Poison must have been set aside before: a poison failure here is retried too,
     * since a batch cannot be dead-lettered as a whole without losing its good records.
     */
    public <R> R untilDone(String consumer, String what, Supplier<R> attempt) {
        Instant since = Instant.now();
        try {
            for (int n = 1; ; n++) {
                try {
                    return attempt.get();
                } catch (RuntimeException e) {
                    backOff(consumer, what, since, n, FailureKind.of(e), e);
                }
            }
        } finally {
            retries.done(consumer);
        }
    }

    /** Whether a record failing so, {@code attempts} times, goes to the dead-letter topic. */
    private boolean deadLettersAfter(FailureKind kind, int attempts) {
        return kind == FailureKind.POISON || kind == FailureKind.UNEXPECTED && policy.unexpectedMaxAttempts() > 0
                && attempts >= policy.unexpectedMaxAttempts();
    }

    /** Sets the record aside; false when the broker did not take it (the caller backs off and tries again). */
    private boolean deadLetter(String consumer, ConsumerRecord<String, String> record, FailureKind kind,
                               RuntimeException e) {
        String reason = kind == FailureKind.POISON ? rootMessage(e, true)
                : "unexpected failure after " + policy.unexpectedMaxAttempts() + " attempts: " + rootMessage(e, false);
        try {
            deadLetters.send(record, reason, consumer);
            return true;
        } catch (RuntimeException sendFailure) {
            LOG.warnf("%s: could not dead-letter %s (%s)", consumer, describe(record), sendFailure.getMessage());
            return false;
        }
    }

    private void backOff(String consumer, String what, Instant since, int failedAttempts, FailureKind kind,
                         RuntimeException e) {
        Duration wait = RetryPolicy.backoff(policy.initialBackoff(), policy.maxBackoff(), failedAttempts);
        retries.failed(consumer, what, since, failedAttempts, kind, rootMessage(e, false));
        String message = "%s: %s failed (%s, attempt %d, retrying for %d s), next attempt in %d ms: %s";
        Object[] args = {consumer, what, kind, failedAttempts, Duration.between(since, Instant.now()).toSeconds(),
                wait.toMillis(), rootMessage(e, false)};
        if (kind == FailureKind.UNEXPECTED && (failedAttempts == 1 || failedAttempts % 20 == 0)) {
            LOG.errorf(e, message, args);
        } else if (kind == FailureKind.UNEXPECTED) {
            LOG.errorf(message, args);
        } else {
            LOG.warnf(message, args);
        }
        try {
            if (shutdown.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConsumerStoppedException(consumer + " stopped while retrying " + what, e);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppedException(consumer + " interrupted while retrying " + what, e);
        }
    }

    /** Thrown out of the retry loop at shutdown: the record is not acknowledged and is consumed again later. */
    public static final class ConsumerStoppedException extends RuntimeException {
        ConsumerStoppedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The poison's own message (the dead-letter reason), else the innermost cause. */
    private static String rootMessage(Throwable e, boolean poison) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && !(poison && t instanceof UnreadableEventException)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return poison ? message : t.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
