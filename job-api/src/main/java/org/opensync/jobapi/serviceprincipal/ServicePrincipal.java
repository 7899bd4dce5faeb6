package org.opensync.jobapi.serviceprincipal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.opensync.jobapi.application.Application;
import org.opensync.jobapi.application.ApplicationTwins;

/** The subset of Graph's servicePrincipal that provisioning clients rely on. */
@Entity
@Table(name = "service_principal")
public class ServicePrincipal extends PanacheEntityBase {
    @Id
    public UUID id;

    /** The tenant it belongs to; callers of other tenants never see it. */
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "app_id")
    public UUID appId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "app_display_name")
    public String appDisplayName;

    @Column(name = "app_description")
    public String appDescription;

    public String description;

    public String notes;

    @Column(name = "account_enabled")
    public boolean accountEnabled = true;

    @Column(name = "app_role_assignment_required")
    public boolean appRoleAssignmentRequired;

    @Column(name = "service_principal_type")
    public String servicePrincipalType = "Application";

    @Column(name = "application_template_id")
    public String applicationTemplateId;

    public String homepage;

    @Column(name = "login_url")
    public String loginUrl;

    @Column(name = "logout_url")
    public String logoutUrl;

    @Column(name = "error_url")
    public String errorUrl;

    @Column(name = "saml_metadata_url")
    public String samlMetadataUrl;

    @Column(name = "publisher_name")
    public String publisherName;

    /** Graph's informationalUrl: the URLs set, by property name. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> info = new LinkedHashMap<>();

    @Column(name = "preferred_single_sign_on_mode")
    public String preferredSingleSignOnMode;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "notification_email_addresses")
    public List<String> notificationEmailAddresses = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reply_urls")
    public List<String> replyUrls = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    /** The application that created it (its owner), or null when a user or an unnamed application did. */
    @Column(name = "owner_app_id")
    public String ownerAppId;

    /**
     * Finds a service principal of {@code tenant} by object id, by the alternate key {@code appId=<guid>} that
     * {@code servicePrincipals(appId='...')} URLs are rewritten to, or as the service principal of the application
     * that {@code application=<application key>} names (the key {@code /applications/...} twins are rewritten to).
     */
    public static Optional<ServicePrincipal> findByKey(UUID tenant, String key) {
        if (key.startsWith(ApplicationTwins.APPLICATION_KEY)) {
            return Application.findByKey(tenant, key.substring(ApplicationTwins.APPLICATION_KEY.length()))
                    .flatMap(application -> find("tenantId = ?1 and appId = ?2", tenant, application.appId)
                            .firstResultOptional());
        }
        return DirectoryKey.parse(key)
                .flatMap(k -> find(k.condition(), tenant, k.value()).<ServicePrincipal>firstResultOptional());
    }
}
