package org.opensync.provisioner.cds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opensync.common.mirror.MirrorConsumers;

/**
 * Matching-value claims every provisioner instance sees (table {@code matching_claim}), for the objects of a cycle
 * spread over several instances. Keys are digests of attribute and value, made by the caller.
 */
@ApplicationScoped
public class MatchingClaimTable {
    private static final int CLAIM_ATTEMPTS = 3;

    private final Jdbc jdbc;

    @Inject
    public MatchingClaimTable(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Claims every key for {@code anchor}, taking over claims older than {@code expiry}; the keys another object
     * holds are not claimed, and are returned with that object's anchor. Whatever was claimed stays claimed: the
     * caller releases it.
     */
    public Map<String, String> claim(String jobId, String cycleId, String objectType, String anchor, List<String> keys,
                                     Duration expiry) {
        for (int attempt = 1; ; attempt++) {
            List<String> taken = take(jobId, cycleId, objectType, anchor, keys, expiry);
            if (taken.size() == keys.size()) {
                return Map.of();
            }
            List<String> held = keys.stream().filter(key -> !taken.contains(key)).toList();
            Map<String, String> holders = holders(jobId, objectType, held);
            // Empty when the holders released their claims in between: claim again
            if (!holders.isEmpty() || attempt == CLAIM_ATTEMPTS) {
                return holders.isEmpty() ? Map.of(held.get(0), "(released meanwhile)") : holders;
            }
        }
    }

    private List<String> take(String jobId, String cycleId, String objectType, String anchor, List<String> keys,
                              Duration expiry) {
        return jdbc.query("""
                        insert into matching_claim (job_id, object_type, value_key, anchor, cycle_id, claimed_at)
                        select ?, ?, value_key, ?, ?, now() from unnest(?::text[]) value_key
                        on conflict (job_id, object_type, value_key) do update
                            set anchor = excluded.anchor, cycle_id = excluded.cycle_id,
                                claimed_at = excluded.claimed_at
                            where matching_claim.anchor = excluded.anchor
                               or matching_claim.claimed_at < now() - ?::interval
                        returning value_key""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, objectType);
                    statement.set(3, anchor);
                    statement.set(4, cycleId);
                    statement.set(5, keys);
                    statement.set(6, expiry.toMillis() + " milliseconds");
                },
                row -> row.getString(1));
    }

    private Map<String, String> holders(String jobId, String objectType, List<String> keys) {
        return jdbc.query("""
                        select value_key, anchor from matching_claim
                        where job_id = ? and object_type = ? and value_key = any(?)""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, objectType);
                    statement.set(3, keys);
                },
                row -> Map.entry(row.getString(1), row.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void release(String jobId, String objectType, String anchor, List<String> keys) {
        jdbc.update("""
                        delete from matching_claim
                        where job_id = ? and object_type = ? and value_key = any(?) and anchor = ?""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, objectType);
                    statement.set(3, keys);
                    statement.set(4, anchor);
                });
    }

    /** The claims objects of the cycle kept once linked: every instance has worked its share of the cycle. */
    public void endCycle(String jobId, String cycleId) {
        jdbc.update("delete from matching_claim where job_id = ? and cycle_id = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, cycleId);
        });
    }

    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        jdbc.update("delete from matching_claim where job_id = ?", statement -> statement.set(1, removed.jobId()));
    }
}
