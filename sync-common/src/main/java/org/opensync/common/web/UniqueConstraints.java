package org.opensync.common.web;

import java.util.Optional;

/**
 * A service's wording for its own unique constraints. When a write loses a race on one (PostgreSQL
 * {@code unique_violation}), {@link GraphExceptionMappers} answers 409 and asks every bean of this type for the
 * message and JSON target the client should see; without one it answers a generic conflict.
 */
public interface UniqueConstraints {
    /**
     * @param constraint the violated constraint's name, e.g. {@code service_principal_app_id_key}
     * @param detail     PostgreSQL's detail, e.g. {@code Key (app_id)=(...) already exists.}, or null
     */
    Optional<GraphException> conflict(String constraint, String detail);
}
