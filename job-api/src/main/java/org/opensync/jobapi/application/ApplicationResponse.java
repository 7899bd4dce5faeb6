package org.opensync.jobapi.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opensync.common.web.Select;

/** Graph's application; properties this service does not manage are null or empty. */
public record ApplicationResponse(UUID id, Instant deletedDateTime, UUID appId, String applicationTemplateId,
                                  String displayName, Instant createdDateTime, List<String> identifierUris,
                                  Object web, Object publicClient, String signInAudience) {
    static final Set<String> PROPERTIES = Select.propertiesOf(ApplicationResponse.class);

    static ApplicationResponse of(Application application) {
        return new ApplicationResponse(application.id, null, application.appId, application.applicationTemplateId,
                application.displayName, application.createdAt, List.of(), null, null, application.signInAudience);
    }
}
