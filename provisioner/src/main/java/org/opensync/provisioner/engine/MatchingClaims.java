package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opensync.mapping.apply.MatchingValue;

/**
 * The matching values of the objects being matched or created right now. A job's objects are provisioned in parallel,
 * so two source objects with the same matching value in one batch would both find no target object and both create
 * one — the second then fails with the target's uniqueness conflict. The first to claim the value goes on; the other
 * one is a duplicate source entry. Claims live only while the object is in flight: once the first one is linked, a
 * later one finds the target object and its link. A job's changes are processed by one instance (they share a
 * partition), so claims need not be shared between instances.
 */
@ApplicationScoped
public class MatchingClaims {
    /** A matching value held by another object: the attribute, the value and that object's anchor. */
    public record Collision(String attribute, String value, String anchor) {
    }

    private final Map<String, String> holders = new ConcurrentHashMap<>();

    /** Claims every value for {@code anchor}; when another object holds one, nothing is claimed. */
    public Optional<Collision> claim(String jobId, String objectType, String anchor, List<MatchingValue> values) {
        for (int i = 0; i < values.size(); i++) {
            MatchingValue value = values.get(i);
            String holder = holders.putIfAbsent(key(jobId, objectType, value), anchor);
            if (holder != null && !holder.equals(anchor)) {
                release(jobId, objectType, anchor, values.subList(0, i));
                return Optional.of(new Collision(value.targetAttributeName(), value.value().text(), holder));
            }
        }
        return Optional.empty();
    }

    public void release(String jobId, String objectType, String anchor, List<MatchingValue> values) {
        values.forEach(value -> holders.remove(key(jobId, objectType, value), anchor));
    }

    /** Target systems compare user names and most matching attributes without regard to case. */
    private static String key(String jobId, String objectType, MatchingValue value) {
        return jobId + '\u0000' + objectType + '\u0000' + value.targetAttributeName().toLowerCase(Locale.ROOT) + '\u0000'
                + value.value().text().toLowerCase(Locale.ROOT);
    }
}
