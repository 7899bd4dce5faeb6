-- The application that created the service principal with an application token: an owner in Graph's sense, which
-- is what Application.ReadWrite.OwnedBy callers are limited to.
alter table service_principal add column owner_app_id varchar(200);
create index service_principal_owner on service_principal (owner_app_id);
