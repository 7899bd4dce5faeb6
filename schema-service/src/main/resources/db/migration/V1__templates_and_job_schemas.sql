create table synchronization_template (
    id               varchar(100) primary key,
    body             jsonb       not null,
    required_secrets jsonb       not null,
    job_settings     jsonb       not null,
    built_in         boolean     not null,
    updated_at       timestamptz not null
);

create table job_schema (
    job_id               varchar(200) primary key,
    service_principal_id varchar(64)  not null,
    template_id          varchar(100) not null,
    schema               jsonb        not null,
    version              varchar(64)  not null,
    updated_at           timestamptz  not null
);
