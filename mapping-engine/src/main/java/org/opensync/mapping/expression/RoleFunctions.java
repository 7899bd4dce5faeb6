package org.opensync.mapping.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.value.Value;

/**
 * App role assignment functions. Each value of {@code [appRoleAssignments]} is one assignment, either a JSON
 * object with {@code value}/{@code displayName}/{@code id} or a plain role value. The complex forms produce SCIM role
 * objects (as JSON text) with {@code primary:false}; whether they are PATCHed with add or replace is decided by the
 * exporter from the function name (see {@code ParsedExpression#topLevelFunction}).
 */
final class RoleFunctions {
    private static final String ROLE_TYPE = "WindowsAzureActiveDirectoryRole";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoleFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("SingleAppRoleAssignment").required("source").body((call, ctx) -> {
                    List<Role> roles = roles(call.value(0, ctx));
                    return roles.isEmpty() ? Value.NULL : Value.text(roles.get(0).display());
                }),
                complex("AppRoleAssignmentsComplex"),
                complex("AssertiveAppRoleAssignmentsComplex"),
                complex("AppRoleAssignments"));
    }

    private static FunctionSpec complex(String name) {
        return FunctionSpec.define(name).required("source").body((call, ctx) -> {
            List<String> scimRoles = new ArrayList<>();
            for (Role role : roles(call.value(0, ctx))) {
                ObjectNode scim = JSON.createObjectNode().put("primary", false).put("type", ROLE_TYPE)
                        .put("display", role.display()).put("value", role.value());
                scimRoles.add(scim.toString());
            }
            return Value.of(scimRoles);
        });
    }

    private record Role(String value, String display) {
    }

    private static List<Role> roles(Value assignments) {
        List<Role> roles = new ArrayList<>();
        for (String assignment : assignments.strings()) {
            roles.add(role(assignment));
        }
        return roles;
    }

    private static Role role(String assignment) {
        String trimmed = assignment.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                String value = text(node, "value", text(node, "displayName", text(node, "id", assignment)));
                return new Role(value, text(node, "displayName", value));
            } catch (JsonProcessingException notJson) {
                // a role value that merely starts with a brace
            }
        }
        return new Role(assignment, assignment);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
