package org.opensync.jobapi.serviceprincipal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Graph's servicePrincipal as returned by GET; properties this service does not manage are null or empty. */
public record ServicePrincipalResponse(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String context,
        UUID id, Instant deletedDateTime, boolean accountEnabled, UUID appId, String appDisplayName,
        String appDescription, String applicationTemplateId, UUID appOwnerOrganizationId,
        boolean appRoleAssignmentRequired, List<Object> appRoles, String description, String displayName,
        String homepage, String loginUrl, String logoutUrl, String notes, List<String> notificationEmailAddresses,
        String preferredSingleSignOnMode, List<String> replyUrls, List<String> servicePrincipalNames,
        String servicePrincipalType, String signInAudience, List<String> tags, List<Object> keyCredentials,
        List<Object> passwordCredentials) {

    static ServicePrincipalResponse of(ServicePrincipal sp, UUID tenantId) {
        return new ServicePrincipalResponse(null, sp.id, null, sp.accountEnabled, sp.appId, sp.appDisplayName,
                sp.appDescription, sp.applicationTemplateId, tenantId, sp.appRoleAssignmentRequired, List.of(),
                sp.description, sp.displayName, sp.homepage, sp.loginUrl, sp.logoutUrl, sp.notes,
                sp.notificationEmailAddresses, sp.preferredSingleSignOnMode, sp.replyUrls,
                List.of(sp.appId.toString()), sp.servicePrincipalType, "AzureADMyOrg", sp.tags, List.of(), List.of());
    }
}
