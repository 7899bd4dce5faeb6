package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code publicError}. */
@GraphType
public record PublicError(
        String code,
        String message,
        String target,
        List<PublicErrorDetail> details,
        PublicInnerError innerError) {

    public PublicError {
        details = Lists.copy(details);
    }

    public static PublicError of(String code, String message, String target) {
        return new PublicError(code, message, target, null, null);
    }
}
