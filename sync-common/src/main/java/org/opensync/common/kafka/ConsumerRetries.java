package org.opensync.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumers are retrying a record right now, since when and why: read by {@link ConsumerRetriesHealthCheck}
 * and exported as metrics ({@code sync_consumer_retrying} gauge = seconds the consumer has been retrying its current
 * record, 0 when it is not; {@code sync_consumer_retries_total} counter by consumer and failure kind).
 */
@ApplicationScoped
public class ConsumerRetries {
    /** A consumer stuck on one record. */
    public record Retrying(String consumer, String record, Instant since, int failedAttempts, FailureKind kind,
                           String lastError) {
        public Duration duration(Instant now) {
            return Duration.between(since, now);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();

    @Inject
    public ConsumerRetries(MeterRegistry registry) {
        this.registry = registry;
    }

    public void failed(String consumer, String record, Instant since, int failedAttempts, FailureKind kind,
                       String lastError) {
        gauges.computeIfAbsent(consumer, name -> {
            Gauge.builder("sync.consumer.retrying", this, self -> self.secondsRetrying(name))
                    .tag("consumer", name).description("seconds the consumer has been retrying its current record")
                    .register(registry);
            return Boolean.TRUE;
        });
        Counter.builder("sync.consumer.retries").tag("consumer", consumer).tag("kind", kind.name())
                .register(registry).increment();
        retrying.put(consumer, new Retrying(consumer, record, since, failedAttempts, kind, lastError));
    }

    public void done(String consumer) {
        retrying.remove(consumer);
    }

    /** The consumers currently retrying, with the record they are stuck on. */
    public List<Retrying> current() {
        return List.copyOf(retrying.values());
    }

    /** Failed attempts of the consumer's current record, 0 when it is not retrying. */
    public int failedAttempts(String consumer) {
        Retrying r = retrying.get(consumer);
        return r == null ? 0 : r.failedAttempts();
    }

    private double secondsRetrying(String consumer) {
        Retrying r = retrying.get(consumer);
        return r == null ? 0 : r.duration(Instant.now()).toMillis() / 1000.0;
    }
}
