package org.opensync.jobapi.serviceprincipal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opensync.common.web.Select;

/**
 * Graph's servicePrincipal as returned by GET; properties this service does not manage are null or empty. The
 * permission scopes the application publishes are named {@code publishedPermissionScopes} on beta and
 * {@code oauth2PermissionScopes} on v1.0; the other name is left out.
 */
public record ServicePrincipalResponse(
        @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL) String context,
        UUID id, Instant deletedDateTime, boolean accountEnabled, UUID appId, String appDisplayName,
        String appDescription, String applicationTemplateId, UUID appOwnerOrganizationId,
        boolean appRoleAssignmentRequired, List<Object> appRoles, String description, String displayName,
        String errorUrl, String homepage, Map<String, String> info, String loginUrl, String logoutUrl, String notes,
        List<String> notificationEmailAddresses, String preferredSingleSignOnMode, String publisherName,
        List<String> replyUrls, String samlMetadataUrl, List<String> servicePrincipalNames,
        String servicePrincipalType, String signInAudience, List<String> tags, List<Object> keyCredentials,
        List<Object> passwordCredentials,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> publishedPermissionScopes,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> oauth2PermissionScopes) {

    private static final String BETA_SCOPES = "publishedPermissionScopes";
    private static final String V1_SCOPES = "oauth2PermissionScopes";

    public static ServicePrincipalResponse of(ServicePrincipal sp, UUID tenantId, String version) {
        boolean beta = isBeta(version);
        Map<String, String> info = new LinkedHashMap<>();
        ServicePrincipalProperties.INFO_URLS.forEach(name -> info.put(name, sp.info.get(name)));
        return new ServicePrincipalResponse(null, sp.id, null, sp.accountEnabled, sp.appId, sp.appDisplayName,
                sp.appDescription, sp.applicationTemplateId, tenantId, sp.appRoleAssignmentRequired, List.of(),
                sp.description, sp.displayName, sp.errorUrl, sp.homepage, info, sp.loginUrl, sp.logoutUrl, sp.notes,
                sp.notificationEmailAddresses, sp.preferredSingleSignOnMode, sp.publisherName, sp.replyUrls,
                sp.samlMetadataUrl, List.of(sp.appId.toString()), sp.servicePrincipalType, "AzureADMyOrg", sp.tags,
                List.of(), List.of(), beta ? List.of() : null, beta ? null : List.of());
    }

    /** The properties {@code $select} accepts on {@code version}. */
    static Set<String> properties(String version) {
        String other = isBeta(version) ? V1_SCOPES : BETA_SCOPES;
        return Select.propertiesOf(ServicePrincipalResponse.class).stream().filter(name -> !name.equals(other))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean isBeta(String version) {
        return "beta".equals(version);
    }
}
