-- The template catalogue as schema-service publishes it on sync.templates (job-api's own copy).
create table synchronization_template (
    id               varchar(100) primary key,
    factory_tag      varchar(100),
    required_secrets jsonb       not null,
    job_settings     jsonb       not null,
    updated_at       timestamptz not null
);

-- Connection secrets of a service principal, sealed (AES-256-GCM) with the at-rest key.
create table service_principal_secret (
    service_principal_id uuid primary key references service_principal (id) on delete cascade,
    sealed               text        not null,
    updated_at           timestamptz not null
);
