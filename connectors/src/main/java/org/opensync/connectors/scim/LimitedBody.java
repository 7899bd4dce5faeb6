package org.opensync.connectors.scim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
  * A response body read as UTF-8 text up to a size limit and a deadline: a target that answers with an endless or huge
  * body fails the request instead of filling the provisioner's memory, and one that trickles its body (or stops
  * sending it) fails with {@link HttpTimeoutException} at the deadline instead of holding a worker. The request's own
  * timeout bounds the wait for the headers; this bounds the rest, so the caller can use the client's blocking
  * {@code send}: {@code sendAsync} completes its future through the JDK's default async executor, which starts a new
  * thread for every request on a machine with two cores or fewer.
  */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    /** Thrown (as the cause of the failed request) when the body is larger than the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the response body is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final long deadlineNanos;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private ScheduledFuture<?> expiry;

    private LimitedBody(long limit, long deadlineNanos) {
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    /** @param timeout the whole exchange's bound, counted from now (the request is about to be sent) */
    static HttpResponse.BodyHandler<String> handler(long limit, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return info -> new LimitedBody(limit, deadline);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        expiry = DEADLINES.schedule(this::expire, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        newSubscription.request(Long.MAX_VALUE);
    }

    private void expire() {
        if (result.completeExceptionally(new HttpTimeoutException("the response body did not arrive in time"))) {
            subscription.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                stopExpiry();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
        stopExpiry();
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
        stopExpiry();
    }

    private void stopExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    /** Whether a failed exchange failed because its body was too large (the client wraps the subscriber's error). */
    static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** One daemon thread for every deadline; a cancelled one leaves the queue at once. */
    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "scim-body-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
