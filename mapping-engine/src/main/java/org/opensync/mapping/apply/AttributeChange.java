package org.opensync.mapping.apply;

import org.opensync.mapping.value.Value;

/**
 * One target attribute to export. {@code value} is typed where the target definition says so (Boolean, Integer);
 * it is null for {@link ChangeKind#CLEAR}. {@code redacted}: logs must show {@code [Redact]} instead of the value.
 */
public record AttributeChange(String targetAttributeName, ChangeKind kind, Value value, boolean redacted) {
}
