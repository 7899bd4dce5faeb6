-- Every service principal belongs to one tenant (the tid of the token that created it; rows from before tenancy
-- belong to the installation's default tenant). appId is unique within a tenant, as in Entra.
alter table service_principal add column tenant_id uuid;
update service_principal set tenant_id = '${default_tenant}'::uuid;
alter table service_principal alter column tenant_id set not null;
alter table service_principal drop constraint service_principal_app_id_key;
alter table service_principal add constraint service_principal_tenant_app_id unique (tenant_id, app_id);
create index service_principal_tenant_display_name on service_principal (tenant_id, lower(display_name));
drop index service_principal_display_name;

-- Provisioning logs are read per tenant: the tenant of the job the record names.
alter table provisioning_log add column tenant_id uuid;
update provisioning_log set tenant_id = '${default_tenant}'::uuid;
alter table provisioning_log alter column tenant_id set not null;
create index provisioning_log_tenant_time on provisioning_log (tenant_id, activity_date_time desc);
drop index provisioning_log_time;
