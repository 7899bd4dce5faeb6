package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.opensync.mapping.model.SynchronizationSchema;

/**
 * What owns a schema: a job or a template. The schema routes ({@code .../{jobs|templates}/{id}/schema} and its
 * directories) work the same on both; each owner decides who may see and change its schema and what a reset means.
 */
public interface SchemaOwner {

    /** 404 when the owner does not exist for this service principal and caller's tenant; 403 without permission. */
    SynchronizationSchema schema(String servicePrincipalId, String ownerId);

    /**
     * Applies {@code change} to the stored schema document and stores the result, when valid, as a new version
     * announced like every schema change. Concurrent edits of one schema apply one after the other.
     */
    default void edit(String servicePrincipalId, String ownerId, Consumer<ObjectNode> change) {
        edit(servicePrincipalId, ownerId, null, change);
    }

    /**
     * As {@link #edit(String, String, Consumer)}, when the stored schema is still at the version {@code ifMatch}
     * names (412 otherwise; null or {@code *}: any version).
     */
    void edit(String servicePrincipalId, String ownerId, String ifMatch, Consumer<ObjectNode> change);

    /** PUT: the body's writable properties replace the stored ones. */
    default void replace(String servicePrincipalId, String ownerId, ObjectNode changes, String ifMatch) {
        edit(servicePrincipalId, ownerId, ifMatch, schema -> {
            schema.removeAll();
            schema.setAll(changes);
        });
    }

    /**
     * PATCH: the top-level properties present replace the stored ones; a body without any (Kiota SDKs send
     * {@code {}} after reading an unchanged schema) changes nothing: no new version, no event.
     */
    default void merge(String servicePrincipalId, String ownerId, ObjectNode changes, String ifMatch) {
        if (changes.isEmpty()) {
            requireWritable(servicePrincipalId, ownerId);
            return;
        }
        edit(servicePrincipalId, ownerId, ifMatch, schema -> schema.setAll(changes));
    }

    /** Checks the caller may change the schema (403/404 otherwise) without changing it. */
    void requireWritable(String servicePrincipalId, String ownerId);

    /** DELETE: back to the default schema. */
    void reset(String servicePrincipalId, String ownerId);
}
