package org.opensync.sandbox.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
  * The last {@code capacity} SCIM requests, oldest first, so a test can assert exactly what a client sent
  * (e.g. one PATCH carrying only {@code title}). Bounded so a long benchmark cannot exhaust memory.
  */
public final class RequestJournal {

    private final int capacity;
    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    void record(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        entries.addLast(entry);
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    /**
      * Entries whose method equals {@code method} (any when null) and whose path matches {@code pathRegex} in full
      * (any when null), e.g. {@code matching("PATCH", "/Users/.*")}.
      */
    public List<JournalEntry> matching(String method, String pathRegex) {
        Pattern path = pathRegex == null ? null : Pattern.compile(pathRegex);
        return entries.stream()
                .filter(e -> method == null || e.method().equalsIgnoreCase(method))
                .filter(e -> path == null || path.matcher(e.path()).matches())
                .toList();
    }

    public int size() {
        return size.get();
    }

    public void clear() {
        entries.clear();
        size.set(0);
    }
}
