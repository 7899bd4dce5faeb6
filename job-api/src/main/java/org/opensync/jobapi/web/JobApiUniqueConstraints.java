package org.opensync.jobapi.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.UniqueConstraints;

/**
 * The Graph wording of job-api's unique constraints, for the request that lost a race on one (the other request
 * passed the same checks a moment earlier and committed first).
 */
@ApplicationScoped
public class JobApiUniqueConstraints implements UniqueConstraints {
    private static final Pattern KEY_VALUES = Pattern.compile("Key \\(([^)]*)\\)=\\((.*)\\) already exists");

    @Override
    public Optional<GraphException> conflict(String constraint, String detail) {
        if (constraint == null) {
            return Optional.empty();
        }
        return switch (constraint) {
            case "service_principal_tenant_app_id" -> Optional.of(new GraphException(409, ErrorCode.CONFLICT,
                    "A servicePrincipal for appId '" + value(detail, 1) + "' already exists in this tenant.",
                    "appId"));
            case "synchronization_job_one_per_template" -> Optional.of(new GraphException(409, ErrorCode.CONFLICT,
                    "A synchronization job from template '" + value(detail, 1) + "' already exists for this service "
                            + "principal; it shares the service principal's secrets, so a second one would provision "
                            + "the same target twice.", "templateId"));
            case "service_principal_secret_pkey" -> Optional.of(new GraphException(409,
                    ErrorCode.CONCURRENT_CHANGE, "The secrets of this service principal were saved by a concurrent "
                    + "request; retry.", null));
            default -> Optional.empty();
        };
    }

    /** The {@code index}th value of PostgreSQL's "Key (a, b)=(x, y) already exists." detail, or "?". */
    static String value(String detail, int index) {
        if (detail == null) {
            return "?";
        }
        Matcher matcher = KEY_VALUES.matcher(detail);
        if (!matcher.find()) {
            return "?";
        }
        String[] values = matcher.group(2).split(", ", -1);
        return index < values.length ? values[index] : "?";
    }
}
