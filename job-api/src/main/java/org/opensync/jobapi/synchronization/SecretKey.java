package org.opensync.jobapi.synchronization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Members of Graph's {@code synchronizationSecret} enum, in declaration order, and OpenSync's own keys after them. */
public enum SecretKey {
    None, UserName, Password, SecretToken, AppKey, BaseAddress, ClientIdentifier, ClientSecret, SingleSignOnType,
    Sandbox, Url, Domain, ConsumerKey, ConsumerSecret, TokenKey, TokenExpiration, Oauth2AccessToken,
    Oauth2AccessTokenCreationTime, Oauth2RefreshToken, SyncAll, InstanceName, Oauth2ClientId, Oauth2ClientSecret,
    CompanyId, UpdateKeyOnSoftDelete, SynchronizationSchedule, SystemOfRecord, SandboxName, EnforceDomain,
    SyncNotificationSettings, SkipOutOfScopeDeletions, Oauth2AuthorizationCode, Oauth2RedirectUri,
    ApplicationTemplateIdentifier, Oauth2TokenExchangeUri, Oauth2AuthorizationUri, AuthenticationType, Server,
    PerformInboundEntitlementGrants, HardDeletesEnabled, SyncAgentCompatibilityKey, SyncAgentADContainer,
    ValidateDomain, TestReferences, ConnectionString,
    /** Not Graph's: PEM certificates (a private CA) the job trusts for its directory's TLS beside the JVM's. */
    TrustedCertificate,
    /**
     * Not Graph's: a CSV source (README "HR inbound from a CSV file"): the file inside the change detector's inbox,
     * its key column, delimiter, encoding, multi-valued columns and their separator, and what a missing row means.
     */
    CsvPath, CsvKeyColumn, CsvDelimiter, CsvEncoding, CsvMultiValueColumns, CsvMultiValueSeparator, CsvMissingRows,
    /**
     * Not Graph's: a target directory instead of a SCIM application (README "LDAP as a target"), named apart from the
     * source directory's Server, UserName, … because a directory-to-directory job has both; how it disables accounts.
     */
    TargetServer, TargetUserName, TargetPassword, TargetDomain, TargetAuthenticationType, TargetNamingAttribute,
    DisableMode, LeaversContainer;

    /** Keys whose values are credentials: never returned by any GET. */
    private static final Set<SecretKey> CREDENTIALS = Set.of(Password, SecretToken, AppKey, ClientSecret,
            ConsumerSecret, TokenKey, Oauth2AccessToken, Oauth2RefreshToken, Oauth2ClientSecret,
            Oauth2AuthorizationCode, ConnectionString, TargetPassword);

    private static final Map<String, SecretKey> BY_LOWER_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(k -> k.name().toLowerCase(Locale.ROOT), Function.identity()));

    /** Case-insensitive, as Graph accepts keys on input. */
    public static Optional<SecretKey> parse(String name) {
        return Optional.ofNullable(name == null ? null : BY_LOWER_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    public boolean isCredential() {
        return CREDENTIALS.contains(this);
    }
}
