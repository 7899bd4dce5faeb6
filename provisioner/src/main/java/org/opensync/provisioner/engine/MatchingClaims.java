package org.opensync.provisioner.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opensync.mapping.apply.MatchingValue;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.MatchingClaimTable;

/**
 * The matching values of the objects being matched or created right now. A job's objects are provisioned in parallel,
 * so two source objects with the same matching value in one batch would both find no target object and both create
 * one — the second then fails with the target's uniqueness conflict. The first to claim the value goes on; the other
 * one is a duplicate source entry. Objects worked by this instance alone claim in its memory, only while the object is
 * in flight: once the first one is linked, a later one finds the target object and its link. Objects of a cycle spread
 * over several instances ({@link WorkedBy#SEVERAL_INSTANCES}) claim in the database as well, where every instance sees
 * the claims, and a linked object keeps its claims there until the cycle ends: another instance may have asked the
 * target about the value (batched matching) before the object was created, and would create it a second time.
 */
@ApplicationScoped
public class MatchingClaims {
    /** A matching value held by another object: the attribute, the value and that object's anchor. */
    public record Collision(String attribute, String value, String anchor) {
    }

    private final Map<String, String> holders = new ConcurrentHashMap<>();
    private final MatchingClaimTable table;
    /** A claim still held after this long belongs to an instance that stopped in the middle of an export. */
    private final Duration expiry;

    @Inject
    public MatchingClaims(MatchingClaimTable table, ProvisionerConfig config) {
        this(table, config.jobBatchBudget().multipliedBy(2));
    }

    MatchingClaims(MatchingClaimTable table, Duration expiry) {
        this.table = table;
        this.expiry = expiry;
    }

    /** Claims every value for {@code anchor}; when another object holds one, nothing is claimed. */
    public Optional<Collision> claim(String jobId, String cycleId, String objectType, String anchor,
                                     List<MatchingValue> values, WorkedBy workedBy) {
        for (int i = 0; i < values.size(); i++) {
            MatchingValue value = values.get(i);
            String holder = holders.putIfAbsent(key(jobId, objectType, value), anchor);
            if (holder != null && !holder.equals(anchor)) {
                releaseHere(jobId, objectType, anchor, values.subList(0, i));
                return Optional.of(new Collision(value.targetAttributeName(), value.value().text(), holder));
            }
        }
        if (workedBy == WorkedBy.THIS_INSTANCE || values.isEmpty()) {
            return Optional.empty();
        }
        List<String> digests = digests(values);
        Map<String, String> held = table.claim(jobId, cycleId, objectType, anchor, digests, expiry);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        release(jobId, objectType, anchor, values, workedBy, false);
        for (int i = 0; i < values.size(); i++) {
            String holder = held.get(digests.get(i));
            if (holder != null) {
                MatchingValue value = values.get(i);
                return Optional.of(new Collision(value.targetAttributeName(), value.value().text(), holder));
            }
        }
        throw new IllegalStateException("a claim is held for a value that was not asked for");
    }

    /** @param linked whether the object was linked to a target object (matched or created) */
    public void release(String jobId, String objectType, String anchor, List<MatchingValue> values, WorkedBy workedBy,
                        boolean linked) {
        releaseHere(jobId, objectType, anchor, values);
        if (workedBy == WorkedBy.SEVERAL_INSTANCES && !linked && !values.isEmpty()) {
            table.release(jobId, objectType, anchor, digests(values));
        }
    }

    /** The cycle ended: the claims its linked objects kept go. */
    public void endCycle(String jobId, String cycleId) {
        table.endCycle(jobId, cycleId);
    }

    private void releaseHere(String jobId, String objectType, String anchor, List<MatchingValue> values) {
        values.forEach(value -> holders.remove(key(jobId, objectType, value), anchor));
    }

    /** Target systems compare user names and most matching attributes without regard to case. */
    private static String key(String jobId, String objectType, MatchingValue value) {
        return jobId + '\u0000' + objectType + '\u0000' + valueKey(value);
    }

    private static String valueKey(MatchingValue value) {
        return value.targetAttributeName().toLowerCase(Locale.ROOT) + '\u0000'
                + value.value().text().toLowerCase(Locale.ROOT);
    }

    /** Fixed-length keys for the table, whatever the length of the values. */
    private static List<String> digests(List<MatchingValue> values) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            List<String> digests = new ArrayList<>(values.size());
            for (MatchingValue value : values) {
                digests.add(HexFormat.of().formatHex(sha256.digest(valueKey(value).getBytes(StandardCharsets.UTF_8))));
            }
            return digests;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
