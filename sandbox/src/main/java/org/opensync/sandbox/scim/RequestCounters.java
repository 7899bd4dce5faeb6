package org.opensync.sandbox.scim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests by method and responses by status, counted without contention (LongAdder per key). */
public final class RequestCounters {

    private final ConcurrentHashMap<String, LongAdder> byMethod = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    void request(String method) {
        byMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    void response(int status) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public long requests(String method) {
        LongAdder adder = byMethod.get(method);
        return adder == null ? 0 : adder.sum();
    }

    public long totalRequests() {
        return byMethod.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Responses with this status; 0 counts connections a fault dropped without answering. */
    public long responses(int status) {
        LongAdder adder = byStatus.get(status);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> requestsByMethod() {
        Map<String, Long> snapshot = new TreeMap<>();
        byMethod.forEach((method, adder) -> snapshot.put(method, adder.sum()));
        return snapshot;
    }

    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        byStatus.forEach((status, adder) -> snapshot.put(status, adder.sum()));
        return snapshot;
    }

    public void reset() {
        byMethod.clear();
        byStatus.clear();
    }
}
