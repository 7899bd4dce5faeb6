-- The refresh token a SCIM application's token endpoint rotated in place of the one in the service principal's
-- secrets (Oauth2RefreshToken), sealed with the transport key. descends_from is the SHA-256 of the secrets' refresh
-- token it replaced: when the admin authorizes again (new secrets), the row no longer applies.
create table oauth_refresh_token (
    service_principal_id varchar(64) primary key,
    descends_from        varchar(64) not null,
    sealed               text        not null,
    updated_at           timestamptz not null
);
