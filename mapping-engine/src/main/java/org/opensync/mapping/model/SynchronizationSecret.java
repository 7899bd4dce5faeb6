package org.opensync.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Graph {@code synchronizationSecret} keys (45 members). */
public enum SynchronizationSecret {
    None, UserName, Password, SecretToken, AppKey, BaseAddress, ClientIdentifier, ClientSecret,
    SingleSignOnType, Sandbox, Url, Domain, ConsumerKey, ConsumerSecret, TokenKey, TokenExpiration,
    Oauth2AccessToken, Oauth2AccessTokenCreationTime, Oauth2RefreshToken, SyncAll, InstanceName, Oauth2ClientId,
    Oauth2ClientSecret, CompanyId, UpdateKeyOnSoftDelete, SynchronizationSchedule, SystemOfRecord, SandboxName,
    EnforceDomain, SyncNotificationSettings, SkipOutOfScopeDeletions, Oauth2AuthorizationCode,
    Oauth2RedirectUri, ApplicationTemplateIdentifier, Oauth2TokenExchangeUri, Oauth2AuthorizationUri,
    AuthenticationType, Server, PerformInboundEntitlementGrants, HardDeletesEnabled, SyncAgentCompatibilityKey,
    SyncAgentADContainer, ValidateDomain, TestReferences, ConnectionString;

    @JsonCreator
    public static SynchronizationSecret of(java.lang.String text) {
        return WireEnums.parse(SynchronizationSecret.class, text);
    }
}
