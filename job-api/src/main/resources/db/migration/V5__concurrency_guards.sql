-- One job per service principal and template (the template model has no "several instances" flag): the database
-- decides between two parallel creations, the loser gets 409.
alter table synchronization_job
    add constraint synchronization_job_one_per_template unique (service_principal_id, template_id);
drop index synchronization_job_service_principal; -- the unique constraint's index leads with service_principal_id

-- The secret set's version (JPA @Version): incremented by every replacement, so writes are never lost silently.
alter table service_principal_secret add column version bigint not null default 0;
