package org.opensync.common.ondemand;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.opensync.common.web.GraphException;

/**
 * The body of {@code provisionOnDemand}: one synchronization rule and one subject, which is a user, or a group
 * with up to {@value #MAX_MEMBERS} of its members provisioned with it. job-api refuses a malformed body before it
 * calls the provisioner, and the provisioner reads the body it receives with the same rules.
 *
 * @param ruleId  the synchronizationRule id in the job's schema
 * @param subject the object to provision
 */
public record OnDemandRequest(String ruleId, Subject subject) {
    public static final int MAX_MEMBERS = 5;
    private static final int MAX_ID_LENGTH = 1024;
    private static final int MAX_NAME_LENGTH = 128;

    /**
     * @param objectId       the source anchor (entryUUID, objectGUID) or the distinguished name
     * @param objectTypeName the source object type, e.g. {@code User}, {@code Group}
     * @param members        group members provisioned with the group; empty for other subjects
     */
    public record Subject(String objectId, String objectTypeName, List<Subject> members) {
    }

    /** @throws GraphException 400 naming the JSON path of what is missing, malformed or beyond the limits */
    public static OnDemandRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The body must be an object with 'parameters'.");
        }
        JsonNode parameters = body.get("parameters");
        if (parameters == null || !parameters.isArray() || parameters.isEmpty()) {
            throw GraphException.badRequest("Property 'parameters' must be a non-empty array of "
                    + "synchronizationJobApplicationParameters.", "parameters");
        }
        if (parameters.size() > 1) {
            throw GraphException.badRequest("One synchronizationJobApplicationParameters item is accepted per request; "
                    + "the request has " + parameters.size() + ".", "parameters");
        }
        JsonNode parameter = parameters.get(0);
        if (!parameter.isObject()) {
            throw GraphException.badRequest("Each parameters item must be an object with 'ruleId' and 'subjects'.",
                    "parameters[0]");
        }
        String ruleId = text(parameter, "ruleId", "parameters[0].ruleId", MAX_NAME_LENGTH);
        JsonNode subjects = parameter.get("subjects");
        if (subjects == null || !subjects.isArray() || subjects.isEmpty()) {
            throw GraphException.badRequest("Property 'subjects' must be a non-empty array of "
                    + "synchronizationJobSubject.", "parameters[0].subjects");
        }
        if (subjects.size() > 1) {
            throw GraphException.badRequest("One subject is accepted per request (a group may bring up to "
                    + MAX_MEMBERS + " members in links.members); the request has " + subjects.size() + ".",
                    "parameters[0].subjects");
        }
        return new OnDemandRequest(ruleId, subject(subjects.get(0), "parameters[0].subjects[0]", true));
    }

    private static Subject subject(JsonNode node, String path, boolean mayHaveMembers) {
        if (!node.isObject()) {
            throw GraphException.badRequest("A subject must be an object with 'objectId' and 'objectTypeName'.", path);
        }
        String objectId = text(node, "objectId", path + ".objectId", MAX_ID_LENGTH);
        String type = text(node, "objectTypeName", path + ".objectTypeName", MAX_NAME_LENGTH);
        JsonNode links = node.get("links");
        JsonNode members = links == null || links.isNull() ? null : links.get("members");
        if (links != null && !links.isNull() && !links.isObject()) {
            throw GraphException.badRequest("Property 'links' must be an object.", path + ".links");
        }
        if (members == null || members.isNull() || (members.isArray() && members.isEmpty())) {
            return new Subject(objectId, type, List.of());
        }
        if (!mayHaveMembers || !"Group".equalsIgnoreCase(type)) {
            throw GraphException.badRequest("Only a Group subject may have links.members.", path + ".links.members");
        }
        if (!members.isArray()) {
            throw GraphException.badRequest("Property 'links.members' must be an array of subjects.",
                    path + ".links.members");
        }
        if (members.size() > MAX_MEMBERS) {
            throw GraphException.badRequest("A group is provisioned on demand with at most " + MAX_MEMBERS
                    + " members; the request has " + members.size() + ".", path + ".links.members");
        }
        List<Subject> linked = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            linked.add(subject(members.get(i), path + ".links.members[" + i + "]", false));
        }
        return new Subject(objectId, type, List.copyOf(linked));
    }

    private static String text(JsonNode node, String name, String path, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw GraphException.badRequest("Property '" + name + "' is required and must be a non-empty string.",
                    path);
        }
        if (value.asText().length() > maxLength) {
            throw GraphException.badRequest("Property '" + name + "' has more than " + maxLength + " characters.",
                    path);
        }
        return value.asText();
    }
}
