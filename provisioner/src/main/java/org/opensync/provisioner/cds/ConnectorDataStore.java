package org.opensync.provisioner.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensync.common.kafka.FailureKind;
import org.opensync.common.mirror.MirrorConsumers;
import org.opensync.common.stats.TableStatistics;
import org.opensync.connectors.grouping.GroupedCalls;

/**
 * The connector data store: links between source anchors and target ids, with the
 * image last exported, so updates send only what changed and a restart re-matches nothing it already linked.
 */
@ApplicationScoped
public class ConnectorDataStore {
    private static final TypeReference<Map<String, Object>> IMAGE = new TypeReference<>() {
    };
    /** Link saves written at once; more wait for the next statement. */
    private static final int SAVES_IN_FLIGHT = 2;
    private static final int ROWS_PER_SAVE = 100;

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final TableStatistics statistics;
    private final GroupedCalls<LinkRow, Void> saves = new GroupedCalls<>(SAVES_IN_FLIGHT, this::write);

    @Inject
    public ConnectorDataStore(AgroalDataSource dataSource, ObjectMapper mapper, TableStatistics statistics) {
        this.jdbc = new Jdbc(dataSource);
        this.mapper = mapper;
        this.statistics = statistics;
    }

    /** The links of these objects, leaving out those waiting to be matched again after a reset. */
    public Map<String, Link> find(String jobId, Collection<String> anchors) {
        return find(jobId, anchors, false);
    }

    /** The links of these objects, also those waiting to be matched again: what there is to deprovision. */
    public Map<String, Link> findAny(String jobId, Collection<String> anchors) {
        return find(jobId, anchors, true);
    }

    private Map<String, Link> find(String jobId, Collection<String> anchors, boolean includingRematch) {
        List<Link> rows = jdbc.query("""
                        select anchor, object_type, source_dn, target_id, state, exported from connector_object
                        where job_id = ? and anchor = any(?) and (not rematch or ?)""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, anchors);
                    statement.set(3, includingRematch);
                },
                this::link);
        Map<String, Link> links = new HashMap<>();
        rows.forEach(link -> links.put(link.anchor(), link));
        return links;
    }

    /** Target ids of the linked objects with these source DNs (case-insensitive, as LDAP compares DNs). */
    public Map<String, String> targetIdsByDn(String jobId, Collection<String> dns) {
        if (dns.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<String, String>> rows = jdbc.query("""
                        select lower(source_dn), target_id from connector_object
                        where job_id = ? and lower(source_dn) = any(?) and not rematch""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, dns.stream().map(dn -> dn.toLowerCase(Locale.ROOT)).toList());
                },
                row -> Map.entry(row.getString(1), row.getString(2)));
        Map<String, String> ids = new HashMap<>();
        rows.forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    /**
     * Linked objects whose exported image refers to one of these target ids in one of these attributes, as a list
     * element (group members) or as the value (manager): the references a deletion leaves behind.
     */
    public List<Link> referencing(String jobId, Collection<String> attributes, Collection<String> targetIds) {
        if (attributes.isEmpty() || targetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        select anchor, object_type, source_dn, target_id, state, exported from connector_object o
                        where job_id = ? and exists (select 1 from unnest(?::text[]) as reference(name)
                            where (jsonb_typeof(o.exported::jsonb -> reference.name) = 'array'
                                   and jsonb_exists_any(o.exported::jsonb -> reference.name, ?::text[]))
                               or o.exported::jsonb ->> reference.name = any(?::text[]))""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, attributes);
                    statement.set(3, targetIds);
                    statement.set(4, targetIds);
                },
                this::link);
    }

    /**
     * Another source object of this type linked to this target object, if any: two source objects must never share
     * one target object.
     */
    public Optional<String> anchorLinkedTo(String jobId, String objectType, String targetId, String exceptAnchor) {
        return jdbc.query("""
                        select anchor from connector_object
                        where job_id = ? and object_type = ? and target_id = ? and anchor <> ?
                        order by anchor limit 1""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, objectType);
                    statement.set(3, targetId);
                    statement.set(4, exceptAnchor);
                },
                row -> row.getString(1)).stream().findFirst();
    }

    /**
     * Saves the link, and returns once it is committed. Saves that a job's workers ask for at the same time are
     * written as one statement and one commit ({@link GroupedCalls}); inside a transaction, the save is part of it.
     */
    public void save(String jobId, Link link) {
        LinkRow row = new LinkRow(jobId, link);
        if (QuarkusTransaction.isActive()) {
            write(List.of(row));
        } else {
            saves.call(row, ROWS_PER_SAVE);
        }
    }

    private List<GroupedCalls.Answer<Void>> write(List<LinkRow> rows) {
        try {
            upsert(rows);
            return rows.stream().map(row -> GroupedCalls.Answer.<Void>of(null)).toList();
        } catch (IllegalStateException e) {
            // A database that is momentarily unable fails each row alone as well: every caller redoes its work
            if (rows.size() == 1 || FailureKind.of(e) == FailureKind.TRANSIENT) {
                throw e;
            }
            // One row the database refuses (another job's, maybe) must not fail the rows saved beside it
            return rows.stream().map(this::writeAlone).toList();
        }
    }

    private GroupedCalls.Answer<Void> writeAlone(LinkRow row) {
        try {
            upsert(List.of(row));
            return GroupedCalls.Answer.of(null);
        } catch (IllegalStateException e) {
            return GroupedCalls.Answer.failed(e);
        }
    }

    private void upsert(List<LinkRow> rows) {
        // The same link twice in one statement would be an error; the later save is the one a sequence keeps
        Map<List<String>, LinkRow> latest = new LinkedHashMap<>();
        rows.forEach(row -> latest.put(List.of(row.jobId(), row.link().anchor()), row));
        Collection<LinkRow> distinct = latest.values();
        jdbc.update("""
                        insert into connector_object (job_id, anchor, object_type, source_dn, target_id, state,
                                                      exported, updated_at)
                        select job_id, anchor, object_type, source_dn, target_id, state, exported, now()
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as saved(job_id, anchor, object_type, source_dn, target_id, state, exported)
                        on conflict (job_id, anchor) do update set object_type = excluded.object_type,
                            source_dn = excluded.source_dn, target_id = excluded.target_id, state = excluded.state,
                            exported = excluded.exported, rematch = false, updated_at = now()""",
                statement -> {
                    statement.set(1, distinct.stream().map(LinkRow::jobId).toList());
                    statement.set(2, distinct.stream().map(row -> row.link().anchor()).toList());
                    statement.set(3, distinct.stream().map(row -> row.link().objectType()).toList());
                    statement.set(4, distinct.stream().map(row -> row.link().sourceDn()).toList());
                    statement.set(5, distinct.stream().map(row -> row.link().targetId()).toList());
                    statement.set(6, distinct.stream().map(row -> row.link().disabled() ? "Disabled" : "Active")
                            .toList());
                    statement.set(7, distinct.stream().map(row -> json(row.link().exported())).toList());
                });
        statistics.written("connector_object", distinct.size());
    }

    private record LinkRow(String jobId, Link link) {
    }

    public void remove(String jobId, String anchor) {
        jdbc.update("delete from connector_object where job_id = ? and anchor = ?", statement -> {
            statement.set(1, jobId);
            statement.set(2, anchor);
        });
    }

    /**
     * Restart with ConnectorDataStore (or Full): every object is matched again before it is used. The links stay
     * until then, so that the full cycle after the restart can still deprovision what the source no longer has.
     */
    public void rematchAll(String jobId) {
        jdbc.update("update connector_object set rematch = true where job_id = ?", statement -> statement.set(1, jobId));
    }

    /** A full cycle that began at {@code cycleBegan} read these objects from the source. */
    public void markSeen(String jobId, Instant cycleBegan, Collection<String> anchors) {
        jdbc.update("""
                update connector_object set seen_since = greatest(seen_since, ?::timestamptz)
                where job_id = ? and anchor = any(?)""", statement -> {
            statement.set(1, cycleBegan.toString());
            statement.set(2, jobId);
            statement.set(3, anchors);
        });
    }

    /**
     * Linked objects of these types that neither the full cycle nor a later one read and that were not written since
     * it began: they are gone from the source. At most {@code limit}, after the anchor {@code after}, in anchor order.
     */
    public List<Link> unseen(String jobId, String cycleId, Instant cycleBegan, Collection<String> types, String after,
                             int limit) {
        return jdbc.query("""
                        select anchor, object_type, source_dn, target_id, state, exported from connector_object
                        where job_id = ? and object_type = any(?) and anchor > ?
                          and (seen_since is null or seen_since < ?::timestamptz)
                          and updated_at < (select started_at from running_cycle where job_id = ? and cycle_id = ?)
                        order by anchor limit ?""",
                statement -> {
                    statement.set(1, jobId);
                    statement.set(2, types);
                    statement.set(3, after);
                    statement.set(4, cycleBegan.toString());
                    statement.set(5, jobId);
                    statement.set(6, cycleId);
                    statement.set(7, limit);
                },
                this::link);
    }

    /** A deleted job: its links go; the accounts it provisioned stay in the target. */
    private void clear(String jobId) {
        jdbc.update("delete from connector_object where job_id = ?", statement -> statement.set(1, jobId));
    }

    /** Linked objects by source type, for synchronizedEntryCountByType. */
    public Map<String, Long> countByType(String jobId) {
        List<Map.Entry<String, Long>> rows = jdbc.query(
                "select object_type, count(*) from connector_object where job_id = ? group by object_type",
                statement -> statement.set(1, jobId), row -> Map.entry(row.getString(1), row.getLong(2)));
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** A deleted job's links go; the accounts it provisioned stay in the target. */
    void forget(@Observes MirrorConsumers.JobRemoved removed) {
        clear(removed.jobId());
    }

    /** A row of {@code select anchor, object_type, source_dn, target_id, state, exported}. */
    private Link link(ResultSet row) throws SQLException {
        return new Link(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                "Disabled".equals(row.getString(5)), image(row.getString(6)));
    }

    private Map<String, Object> image(String json) {
        try {
            return mapper.readValue(json, IMAGE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored exported image is unreadable", e);
        }
    }

    private String json(Map<String, Object> image) {
        try {
            return mapper.writeValueAsString(image);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store an exported image", e);
        }
    }
}
