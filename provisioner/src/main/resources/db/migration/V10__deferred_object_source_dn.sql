-- The source DN of each deferred object, so that a group's unresolved references can find the members whose export
-- is escrowed (by DN, as references name them) and wait for them instead of being forgotten at the end of the cycle.
alter table deferred_object add column source_dn text;
create index deferred_object_escrowed_dn on deferred_object (job_id, kind, lower(source_dn));
