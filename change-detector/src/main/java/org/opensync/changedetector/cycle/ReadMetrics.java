package org.opensync.changedetector.cycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.opensync.common.events.Tick;

/**
 * change-detector's domain metrics (README "Monitoring"): what each job's reads found and published, how long they
 * took, and why they failed. Labels are bounded: job id, cycle kind, Graph error code; never an object.
 */
@ApplicationScoped
public class ReadMetrics {
    private final MeterRegistry registry;

    public ReadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A read whose records Kafka acknowledged, counted once its {@code CycleReadCompleted} was.
     *
     * @param read      objects read from the source (all of them in a full read)
     * @param published object changes published to {@code sync.object-changes}
     */
    void completed(String jobId, Tick.CycleKind kind, Instant began, long read, long published) {
        Counter.builder("opensync.change.detector.objects.read").description("Objects read from the source")
                .tags("job", jobId).register(registry).increment(read);
        Counter.builder("opensync.change.detector.objects.published")
                .description("Object changes published to sync.object-changes")
                .tags("job", jobId).register(registry).increment(published);
        Timer.builder("opensync.change.detector.read.duration").description("From the tick's arrival to the read's end")
                .tags("job", jobId, "kind", kind.name()).register(registry)
                .record(Duration.between(began, Instant.now()));
    }

    /** A cycle that failed, by the error code its CycleFinished carries. */
    void failed(String jobId, String code) {
        Counter.builder("opensync.change.detector.read.failures").description("Reads that failed, by error code")
                .tags("job", jobId, "code", code).register(registry).increment();
    }
}
