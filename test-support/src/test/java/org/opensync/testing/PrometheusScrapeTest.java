package org.opensync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    @Test
    void samplesAreReadWithOrWithoutAnExemplar() {
        // a counter incremented inside a trace carries an exemplar naming it (OpenMetrics)
        PrometheusScrape scrape = new PrometheusScrape("""
                # TYPE opensync_change_detector_objects_read counter
                opensync_change_detector_objects_read_total{job="a"} 131.0 # {span_id="846a77aa7e10a75a",trace_id="db0557f06a6c34dea70158c4bd68abdf"} 1.0 1796559191.136
                opensync_change_detector_objects_read_total{job="a"} 2.0
                opensync_change_detector_objects_read_total{job="b"} 5.0
                # EOF
                """);

        assertThat(scrape.sum("opensync_change_detector_objects_read_total", Map.of("job", "a"))).isEqualTo(133.0);
        assertThat(scrape.sum("opensync_change_detector_objects_read_total", Map.of())).isEqualTo(138.0);
        assertThat(scrape.has("opensync_change_detector_objects_read_total")).isTrue();
    }
}
