package org.opensync.sandbox.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
  * The last {@code capacity} SCIM requests, oldest first, so a test can assert exactly what a client sent
  * (e.g. one PATCH carrying only {@code title}). Bounded so a long benchmark cannot exhaust memory: by count, and by
  * the characters of their bodies, since one POST /Bulk may carry a megabyte.
  */
public final class RequestJournal {

    /** Body characters kept in all, about 128 MiB of heap; the oldest entries go first to stay within it. */
    static final long MAX_BODY_CHARS = 64L * 1024 * 1024;

    private final int capacity;
    private final long maxBodyChars;
    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bodyChars = new AtomicLong();

    RequestJournal(int capacity) {
        this(capacity, MAX_BODY_CHARS);
    }

    RequestJournal(int capacity, long maxBodyChars) {
        this.capacity = capacity;
        this.maxBodyChars = maxBodyChars;
    }

    void record(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        entries.addLast(entry);
        size.incrementAndGet();
        bodyChars.addAndGet(entry.body().length());
        while (size.get() > capacity || bodyChars.get() > maxBodyChars) {
            JournalEntry oldest = entries.pollFirst();
            if (oldest == null) {
                return;
            }
            size.decrementAndGet();
            bodyChars.addAndGet(-oldest.body().length());
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
        bodyChars.set(0);
    }
}
