-- More servicePrincipal properties clients set and read back: error and SAML metadata URLs, the publisher, and the
-- informational URLs (terms of service, support, privacy statement, marketing, logo) as one object.
alter table service_principal add column error_url varchar(2048);
alter table service_principal add column saml_metadata_url varchar(2048);
alter table service_principal add column publisher_name varchar(256);
alter table service_principal add column info jsonb not null default '{}'::jsonb;
