package org.opensync.connectors.target;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.scim.ScimClient;

/**
 * What the provisioning engine asks of a target system, a SCIM application or an LDAP directory. Images are
 * attribute name to String, Boolean, Long or a list of strings, named as in the job's target schema; a value absent
 * from a desired image is left as it is (a null from a mapping is not provisioned). Every failure is a
 * {@link TargetException}.
 */
public interface ProvisioningTarget extends AutoCloseable {
    /** Values per {@link #findEach} call: as many as a SCIM query URL holds comfortably. */
    int MATCH_VALUES_PER_QUERY = ScimClient.MATCH_VALUES_PER_QUERY;

    /** The target's object type for a target object name of the schema, empty when this target cannot hold it. */
    Optional<TargetType> type(String targetObjectName);

    /**
     * The one object whose attribute has the value, read with {@code attributes}; a target that finds several
     * answers with a {@code DuplicateTargetEntries} failure.
     */
    Optional<TargetObject> findUnique(TargetType type, String attribute, String value, List<String> attributes);

    /**
     * {@link #findUnique} for many values in few requests, where the target can answer so exactly: each value with
     * the objects holding it (read with {@code attributes}), or empty when the caller must ask value by value.
     *
     * @param values distinct, at most {@link #MATCH_VALUES_PER_QUERY}
     */
    default Optional<Map<String, List<TargetObject>>> findEach(TargetType type, String attribute, List<String> values,
                                                               List<String> attributes) {
        return Optional.empty();
    }

    /**
     * Whether some object of the target already holds the value in the attribute: the question SelectUniqueValue asks
     * of each candidate (a directory answers for its whole base DN, whatever the object class).
     */
    boolean valueTaken(TargetType type, String attribute, String value);

    /** The object as the target has it now, empty when it does not exist. */
    Optional<TargetObject> read(TargetType type, String id, List<String> attributes);

    /** Whether the object still exists. */
    boolean exists(TargetType type, String id);

    /** Creates the object (a group without members); returns its id. */
    String create(TargetType type, Map<String, Object> image);

    /** Whether exporting {@code desired} over {@code exported} would change anything in the target. */
    boolean differs(Map<String, Object> exported, Map<String, Object> desired);

    /**
     * Sends what differs between the last exported image and the desired one.
     *
     * @return the object's id afterwards: a directory entry renamed or moved has a new DN
     */
    String update(TargetType type, String id, Map<String, Object> exported, Map<String, Object> desired);

    /** Clears one attribute, e.g. a manager that was deleted. */
    void clear(TargetType type, String id, String attribute, Object exportedValue);

    void delete(TargetType type, String id);

    void addMembers(TargetType type, String groupId, Collection<String> memberIds);

    void removeMembers(TargetType type, String groupId, Collection<String> memberIds);

    /** The host (or URL) named in logs and recommendations. */
    String system();

    @Override
    default void close() {
    }
}
