package org.opensync.common.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/**
 * The stream of one job's cycle on {@link Topics#OBJECT_CHANGES}, published by change-detector: a
 * {@link CycleBegan} marker, the source objects that changed, then a {@link CycleReadCompleted} marker. Records are
 * keyed by job id + anchor. Either all records of a job go to the partition of its job id, so the markers stay in
 * order with the objects between them; or the cycle is spread: each object goes to the partition of its key and
 * each partition gets a copy of both markers, which then say how many partitions ({@code slices}) the cycle has.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(ObjectChange.CycleBegan.class),
        @JsonSubTypes.Type(ObjectChange.ObjectChanged.class),
        @JsonSubTypes.Type(ObjectChange.CycleReadCompleted.class)
})
public sealed interface ObjectChange extends JobScopedEvent {
    String cycleId();

    /**
     * The partition an object's changes go to when its job's cycle is spread over {@code partitions}: that of its
     * key ({@link ObjectChanged#key()}).
     */
    static int partitionOf(String jobId, String anchor, int partitions) {
        return partitionOf(keyOf(jobId, anchor), partitions);
    }

    /** The Kafka key of an object's changes: its job and anchor. */
    private static String keyOf(String jobId, String anchor) {
        return jobId + ":" + anchor;
    }

    /**
     * The partition of a key (a job id: where a job's changes go when they are not spread), as Kafka's default
     * partitioner would pick it.
     */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * @param resetScope what the restart that caused this cycle asked to reset (escrows, connector data...)
     * @param slices     over how many partitions the cycle's objects are spread (by anchor), each of which carries
     *                   a copy of both markers; null when all go to the partition of the job id
     */
    record CycleBegan(String eventId, Instant occurredAt, String jobId, String cycleId, Tick.CycleKind cycleKind,
                      Set<RestartScope> resetScope, @JsonInclude(JsonInclude.Include.NON_NULL) Integer slices)
            implements ObjectChange {
        /** A cycle whose objects all go to the partition of the job id. */
        public CycleBegan(String eventId, Instant occurredAt, String jobId, String cycleId, Tick.CycleKind cycleKind,
                          Set<RestartScope> resetScope) {
            this(eventId, occurredAt, jobId, cycleId, cycleKind, resetScope, null);
        }

        /** This marker as sent to each of the partitions a cycle is spread over. */
        public CycleBegan withSlices(int partitions) {
            return new CycleBegan(eventId, occurredAt, jobId, cycleId, cycleKind, resetScope, partitions);
        }

        @Override
        public String key() {
            return jobId + ":cycle";
        }
    }

    /**
     * An image too large for one Kafka record (a group with tens of thousands of members) travels as
     * {@code parts} records, {@code part} 1 to {@code parts}, one after the other in the job's partition: each
     * carries some of the image's attribute values, and the image is their concatenation (see
     * {@link ObjectChangeParts}). Both are null in a record that carries the whole image.
     *
     * @param objectType the source object name of the schema (e.g. {@code User}, {@code Group})
     * @param deleted    true when the object is gone from the source; {@code attributes} is then empty
     * @param attributes the full source image of the attributes the schema reads, including computed ones
     *                   ({@code objectId}, {@code dn}, {@code IsSoftDeleted}; {@value #BULK_ID} for an uploaded
     *                   record)
     */
    record ObjectChanged(String eventId, Instant occurredAt, String jobId, String cycleId, String objectType,
                         String anchor, String dn, boolean deleted, Map<String, List<String>> attributes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer part,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer parts)
            implements ObjectChange {
        /** The computed attribute naming the BulkRequest operation that last sent an uploaded record. */
        public static final String BULK_ID = "bulkId";

        /** A record carrying the whole image. */
        public ObjectChanged(String eventId, Instant occurredAt, String jobId, String cycleId, String objectType,
                             String anchor, String dn, boolean deleted, Map<String, List<String>> attributes) {
            this(eventId, occurredAt, jobId, cycleId, objectType, anchor, dn, deleted, attributes, null, null);
        }

        @Override
        public String key() {
            return keyOf(jobId, anchor);
        }

        /** Whether this record carries only a part of the image. */
        @JsonIgnore
        public boolean partial() {
            return parts != null && parts > 1;
        }
    }

    /**
     * @param imported source objects read
     * @param changes  object changes published before this marker
     * @param warning  what the read did that the admin should fix although the cycle worked (e.g. a bind password
     *                 sent over plain LDAP); the provisioner reports it as the cycle's error unless the cycle failed
     */
    record CycleReadCompleted(String eventId, Instant occurredAt, String jobId, String cycleId,
                              Tick.CycleKind cycleKind, Instant timeBegan, long imported, long changes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) JobEvent.CycleError warning,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer slices)
            implements ObjectChange {

        /** A read without a warning. */
        public CycleReadCompleted(String eventId, Instant occurredAt, String jobId, String cycleId,
                                  Tick.CycleKind cycleKind, Instant timeBegan, long imported, long changes) {
            this(eventId, occurredAt, jobId, cycleId, cycleKind, timeBegan, imported, changes, null, null);
        }

        /** This marker as sent to each of the partitions a cycle is spread over. */
        public CycleReadCompleted withSlices(int partitions) {
            return new CycleReadCompleted(eventId, occurredAt, jobId, cycleId, cycleKind, timeBegan, imported, changes,
                    warning, partitions);
        }

        @Override
        public String key() {
            return jobId + ":cycle";
        }
    }
}
