package org.opensync.changedetector.cycle;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.Callback;

/**
 * What a cycle may persist about the records it sent, sorted by Kafka's answer: a record's state counts as
 * published only once the producer reported the record written, so a re-read never skips what Kafka lost. The
 * callbacks run on the producer's I/O thread; the cycle thread drains after each flush, so at most one batch of
 * states is held.
 */
final class Acknowledgements<T> {
    private List<T> acknowledged = new ArrayList<>();
    private List<T> failed = new ArrayList<>();

    /** The states of the records completed since the last drain. */
    record Completed<T>(List<T> acknowledged, List<T> failed) {
    }

    /** The completion callback of the record that publishes {@code state}. */
    Callback track(T state) {
        return (metadata, error) -> completed(state, error == null);
    }

    synchronized Completed<T> drain() {
        Completed<T> completed = new Completed<>(acknowledged, failed);
        acknowledged = new ArrayList<>();
        failed = new ArrayList<>();
        return completed;
    }

    private synchronized void completed(T state, boolean written) {
        (written ? acknowledged : failed).add(state);
    }
}
