package org.opensync.scheduler;

import java.util.List;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.Tick;
import org.opensync.testing.TopicProbe;

/** Reads the ticks of one job from a probe of {@code sync.ticks}. */
final class Ticks {
    private Ticks() {
    }

    static List<Tick> of(TopicProbe probe, String jobId) {
        return probe.records(TopicProbe.keyed(jobId)).stream().map(r -> EventCodec.decode(r.value(), Tick.class))
                .toList();
    }
}
