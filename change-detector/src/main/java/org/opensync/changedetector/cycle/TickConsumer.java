package org.opensync.changedetector.cycle;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.Tick;
import org.opensync.common.inbox.EventConsumer;
import org.opensync.common.inbox.Inbox;

/**
 * Hands every tick, once, to the {@link CycleRunner}: the tick id is recorded in the inbox and the tick kept among the
 * {@link PendingTicks} in one transaction, and the tick is acknowledged at once, while its cycle runs in the
 * background (a cycle can outlast any acknowledgement timeout).
 */
@ApplicationScoped
public class TickConsumer {
    private static final String CONSUMER = "change-detector.ticks";

    private final EventConsumer consumer;
    private final Inbox inbox;
    private final PendingTicks pending;
    private final CycleRunner cycles;

    @Inject
    public TickConsumer(EventConsumer consumer, Inbox inbox, PendingTicks pending, CycleRunner cycles) {
        this.consumer = consumer;
        this.inbox = inbox;
        this.pending = pending;
        this.cycles = cycles;
    }

    @Incoming("ticks")
    @Blocking
    public void onTick(ConsumerRecord<String, String> record) {
        // the cycle is submitted once the tick is committed, in the trace the tick was consumed in
        consumer.inTransaction(CONSUMER, record, () -> inbox.firstDelivery(CONSUMER, record, Tick.class)
                        .map(pending::remember).map(tick -> Context.current().wrap(() -> cycles.submit(tick))))
                .flatMap(submit -> submit).ifPresent(Runnable::run);
    }
}
