-- Applications created by instantiating an application template. Like service principals they belong to one tenant,
-- and appId is unique within it; the application's service principal is the one with the same appId.
create table application (
    id                       uuid primary key,
    tenant_id                uuid         not null,
    app_id                   uuid         not null,
    display_name             varchar(256) not null,
    application_template_id  varchar(100),
    sign_in_audience         varchar(50)  not null,
    owner_app_id             varchar(200),
    created_at               timestamptz  not null,
    constraint application_tenant_app_id unique (tenant_id, app_id)
);
