package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resource as the target returned it; {@code id} is what the CDS records and every later request uses. */
public record ScimResource(String id, ObjectNode json) {
}
