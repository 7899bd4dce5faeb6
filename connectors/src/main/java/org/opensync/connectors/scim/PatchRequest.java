package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The operations of one PATCH request; {@link #toJson()} is the body as sent. */
public record PatchRequest(List<ObjectNode> operations) {

    public PatchRequest {
        operations = List.copyOf(operations);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public ObjectNode toJson() {
        ObjectNode body = ScimValues.JSON.createObjectNode();
        body.putArray("schemas").add(ScimSchemas.PATCH_OP);
        operations.forEach(body.putArray("Operations")::add);
        return body;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
