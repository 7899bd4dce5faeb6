package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
  * Turns the target's current values and the values the mappings want into the PATCH the Entra service would send
  *. Only attributes whose value differs are sent; a desired null is skipped (values are never cleared on
  * SCIM targets); {@code members} is left to the member operations of {@link ScimClient}.
  * <p>
  * <b>Legacy</b>: one op per attribute with its path, {@code Add} when the target has no value, else {@code Replace};
  * {@code active} as the string "True"/"False".
  * <br><b>Compliant</b> ({@code aadOptscim062020}): lowercase ops and JSON booleans; value-filter paths
  * ({@code emails[type eq "work"].value}) and the manager stay separate ops with their path; the other attributes are
  * grouped per op, a group of one keeps its path ({@code {"op":"replace","path":"active","value":false}}) and a larger
  * group becomes one op without path whose value maps each path to its value. Order: add, replace, value-filter ops
  * in the order given, manager.
  * <p>
  * The manager is sent in the observed plain-string form ({@code "value":"<id>"}) unless {@link ManagerFormat#COMPLEX}
  * asks for {@code {"value":"<id>"}} or {@link ManagerFormat#PATH} for the path {@code …:manager.value}. Booleans follow
  * the {@link BooleanFormat}, by default the dialect's.
  */
public final class PatchBuilder {

    private final PatchMode mode;
    private final ManagerFormat managerFormat;
    private final BooleanFormat booleanFormat;

    public PatchBuilder(PatchMode mode, ManagerFormat managerFormat) {
        this(mode, managerFormat, BooleanFormat.defaultFor(mode));
    }

    public PatchBuilder(PatchMode mode, ManagerFormat managerFormat, BooleanFormat booleanFormat) {
        this.mode = mode;
        this.managerFormat = managerFormat;
        this.booleanFormat = booleanFormat;
    }

    public PatchRequest diff(Map<String, ?> current, Map<String, ?> desired) {
        List<ObjectNode> separate = new ArrayList<>();
        Map<String, Map<String, JsonNode>> grouped = new LinkedHashMap<>();
        grouped.put(op("add"), new LinkedHashMap<>());
        grouped.put(op("replace"), new LinkedHashMap<>());
        ObjectNode manager = null;
        for (Map.Entry<String, ?> entry : desired.entrySet()) {
            TargetAttribute attribute = TargetAttribute.parse(entry.getKey());
            Object wanted = ScimValues.normalize(attribute, entry.getValue());
            Object present = ScimValues.normalize(attribute, current.get(entry.getKey()));
            if (ScimValues.absent(wanted) || attribute.isMembers() || ScimValues.same(wanted, present)) {
                continue;
            }
            String op = op(ScimValues.absent(present) ? "add" : "replace");
            JsonNode value = value(attribute, wanted);
            if (attribute.isManager()) {
                manager = operation(op, managerFormat == ManagerFormat.PATH ? attribute.name() + ".value"
                        : attribute.name(), value);
            } else if (mode == PatchMode.LEGACY || attribute.kind() == TargetAttribute.Kind.FILTERED) {
                separate.add(operation(op, attribute.name(), value));
            } else {
                grouped.get(op).put(attribute.name(), value);
            }
        }
        List<ObjectNode> operations = new ArrayList<>();
        grouped.forEach((op, values) -> {
            if (values.size() == 1) {
                Map.Entry<String, JsonNode> only = values.entrySet().iterator().next();
                operations.add(operation(op, only.getKey(), only.getValue()));
            } else if (!values.isEmpty()) {
                ObjectNode merged = ScimValues.JSON.createObjectNode();
                values.forEach(merged::set);
                operations.add(ScimValues.JSON.createObjectNode().put("op", op).set("value", merged));
            }
        });
        operations.addAll(separate);
        if (manager != null) {
            operations.add(manager);
        }
        return new PatchRequest(operations);
    }

    /**
      * Clears an attribute, e.g. a manager that was deleted: {@code diff} never clears values (a null from a mapping
      * is not provisioned), so this is the one way to remove one.
      */
    public PatchRequest remove(String attributeName) {
        return new PatchRequest(List.of(operation(op("remove"), attributeName, null)));
    }

    private JsonNode value(TargetAttribute attribute, Object wanted) {
        if (attribute.isManager()) {
            String id = String.valueOf(wanted);
            return managerFormat == ManagerFormat.COMPLEX ? ScimValues.JSON.createObjectNode().put("value", id)
                    : ScimValues.toJson(id);
        }
        if (booleanFormat == BooleanFormat.STRING && wanted instanceof Boolean flag) {
            return ScimValues.toJson(flag ? "True" : "False");
        }
        return ScimValues.toJson(wanted);
    }

    private String op(String lowercase) {
        return mode == PatchMode.COMPLIANT ? lowercase
                : Character.toUpperCase(lowercase.charAt(0)) + lowercase.substring(1);
    }

    static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode operation = ScimValues.JSON.createObjectNode().put("op", op);
        if (path != null) {
            operation.put("path", path);
        }
        if (value != null) {
            operation.set("value", value);
        }
        return operation;
    }
}
