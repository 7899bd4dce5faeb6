package org.opensync.common.logs;

import org.jboss.logging.MDC;

/**
 * What every log line written meanwhile is about, as MDC fields: the job ({@code jobId}) while a service works one
 * job's records or cycle, the Graph {@code request-id} ({@code requestId}) while job-api answers a request. JSON logs
 * ({@code SYNC_LOG_JSON=true}) carry them on each line.
 */
public final class LogContext implements AutoCloseable {
    public static final String JOB_ID = "jobId";
    public static final String REQUEST_ID = "requestId";

    private final String key;
    private final Object previous;

    private LogContext(String key, String value) {
        this.key = key;
        this.previous = MDC.get(key);
        MDC.put(key, value == null ? "" : value);
    }

    /** Names the job until closed (then the job named before, if any: a cycle's work nests in a record's). */
    public static LogContext job(String jobId) {
        return new LogContext(JOB_ID, jobId);
    }

    /** Records are keyed by job id, object changes by job id, ':' and anchor. */
    public static LogContext jobOfKey(String key) {
        return job(key == null ? null : key.split(":", 2)[0]);
    }

    public static void requestId(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }

    public static void requestAnswered() {
        MDC.remove(REQUEST_ID);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
