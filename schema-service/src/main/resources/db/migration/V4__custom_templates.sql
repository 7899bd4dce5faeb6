-- Templates created through the API: each belongs to one service principal of one tenant and is invisible to others.
-- The key is '<service principal id>/<template id>', as on sync.templates; built-in templates stay in
-- synchronization_template.
create table custom_template (
    template_key         varchar(140) primary key,
    tenant_id            uuid         not null,
    service_principal_id varchar(64)  not null,
    template_id          varchar(60)  not null,
    owner_app_id         varchar(200),
    body                 jsonb        not null,
    updated_at           timestamptz  not null,
    revision             bigint       not null default 0
);
create index custom_template_service_principal on custom_template (service_principal_id);
