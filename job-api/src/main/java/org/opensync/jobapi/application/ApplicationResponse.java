package org.opensync.jobapi.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Graph's application as returned by instantiate; properties this service does not manage are null or empty. */
public record ApplicationResponse(UUID id, Instant deletedDateTime, UUID appId, String applicationTemplateId,
                                  String displayName, List<String> identifierUris, Object web, Object publicClient,
                                  String signInAudience) {

    static ApplicationResponse of(Application application) {
        return new ApplicationResponse(application.id, null, application.appId, application.applicationTemplateId,
                application.displayName, List.of(), null, null, application.signInAudience);
    }
}
