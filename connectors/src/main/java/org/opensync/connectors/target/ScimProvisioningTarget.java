package org.opensync.connectors.target;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.connectors.scim.ScimResource;
import org.opensync.connectors.scim.ScimResourceType;
import org.opensync.connectors.scim.TargetImageReader;
import org.opensync.connectors.scim.TargetImageWriter;

/** A SCIM 2.0 application as a provisioning target: ids are the resources' ids, updates are PATCHes of the diff. */
public final class ScimProvisioningTarget implements ProvisioningTarget {
    private final ScimClient scim;
    private final String system;
    /** Null when creates go one POST each even to a target that supports {@code /Bulk}. */
    private final GroupedCreates groupedCreates;

    /**
     * @param system       the application's host, named in logs
     * @param groupCreates whether creates asked for at the same time go together in {@code /Bulk} requests, where
     *                     the target's ServiceProviderConfig says it supports them ({@link GroupedCreates})
     */
    public ScimProvisioningTarget(ScimClient scim, String system, boolean groupCreates) {
        this.scim = scim;
        this.system = system;
        this.groupedCreates = groupCreates ? new GroupedCreates(scim) : null;
    }

    public ScimClient client() {
        return scim;
    }

    @Override
    public Optional<TargetType> type(String targetObjectName) {
        for (ScimResourceType type : ScimResourceType.values()) {
            if (type.resourceName().equalsIgnoreCase(targetObjectName)) {
                return Optional.of(new TargetType(type.resourceName(), type == ScimResourceType.GROUP));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<TargetObject> findUnique(TargetType type, String attribute, String value,
                                             List<String> attributes) {
        return scim.findUnique(resource(type), attribute, value).map(found -> object(found, attributes));
    }

    @Override
    public Optional<Map<String, List<TargetObject>>> findEach(TargetType type, String attribute, List<String> values,
                                                              List<String> attributes) {
        return scim.findEach(resource(type), attribute, values).map(byValue -> {
            Map<String, List<TargetObject>> objects = new LinkedHashMap<>();
            byValue.forEach((value, found) -> objects.put(value, found.stream()
                    .map(resource -> object(resource, attributes)).toList()));
            return objects;
        });
    }

    @Override
    public boolean valueTaken(TargetType type, String attribute, String value) {
        return scim.holds(resource(type), attribute, value);
    }

    @Override
    public Optional<TargetObject> read(TargetType type, String id, List<String> attributes) {
        return scim.read(resource(type), id).map(found -> object(found, attributes));
    }

    @Override
    public boolean exists(TargetType type, String id) {
        return scim.exists(resource(type), id);
    }

    @Override
    public String create(TargetType type, Map<String, Object> image) {
        if (groupedCreates == null) {
            return scim.create(resource(type), image).id();
        }
        return groupedCreates.create(resource(type), TargetImageWriter.toResource(resource(type), image)).id();
    }

    @Override
    public boolean differs(Map<String, Object> exported, Map<String, Object> desired) {
        return !scim.patchBuilder().diff(exported, desired).isEmpty();
    }

    @Override
    public String update(TargetType type, String id, Map<String, Object> exported, Map<String, Object> desired) {
        scim.patch(resource(type), id, scim.patchBuilder().diff(exported, desired));
        return id;
    }

    @Override
    public void clear(TargetType type, String id, String attribute, Object exportedValue) {
        scim.patch(resource(type), id, scim.patchBuilder().remove(attribute));
    }

    @Override
    public void delete(TargetType type, String id) {
        scim.delete(resource(type), id);
    }

    @Override
    public void addMembers(TargetType type, String groupId, Collection<String> memberIds) {
        scim.addMembers(groupId, memberIds);
    }

    @Override
    public void removeMembers(TargetType type, String groupId, Collection<String> memberIds) {
        scim.removeMembers(groupId, memberIds);
    }

    @Override
    public String system() {
        return system;
    }

    private static TargetObject object(ScimResource resource, List<String> attributes) {
        return new TargetObject(resource.id(), TargetImageReader.read(resource.json(), attributes));
    }

    private static ScimResourceType resource(TargetType type) {
        return type.group() ? ScimResourceType.GROUP : ScimResourceType.USER;
    }
}
