package org.opensync.mapping.model;

import java.util.List;

/** Graph {@code publicInnerError}. */
@GraphType
public record PublicInnerError(String code, String message, String target, List<PublicErrorDetail> details) {
    public PublicInnerError {
        details = Lists.copy(details);
    }
}
