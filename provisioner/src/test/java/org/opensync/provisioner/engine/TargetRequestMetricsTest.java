package org.opensync.provisioner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.RequestObserver;

/** What a job's target client reports becomes the job's timers. */
class TargetRequestMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestObserver observer = new TargetRequestMetrics(registry).of("job-1");

    @Test
    void requestsAreTimedByMethodAndStatus() {
        observer.answered("POST", 201, Duration.ofMillis(40));
        observer.answered("POST", 201, Duration.ofMillis(60));
        Timer created = registry.find("opensync.provisioner.target.requests")
                .tags("job", "job-1", "method", "POST", "status", "201").timer();
        assertThat(created).isNotNull();
        assertThat(created.count()).isEqualTo(2);
        assertThat(created.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
    }

    @Test
    void waitsForATurnAreTimedPerJob() {
        observer.waitedForTurn(Duration.ofMillis(250));
        Timer waits = registry.find("opensync.provisioner.target.request.turn.waits").tags("job", "job-1").timer();
        assertThat(waits).isNotNull();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.max(TimeUnit.MILLISECONDS)).isEqualTo(250);
    }
}
