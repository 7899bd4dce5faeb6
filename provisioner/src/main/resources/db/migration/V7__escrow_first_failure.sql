-- When an object's deferred work began: for an escrow, its first failure. It is retried on the back-off series until
-- the give-up period, counted from then, has passed. Rows of earlier builds count from the migration.
alter table deferred_object add column first_failed_at timestamptz not null default now();

-- An object about to be linked to a target object is checked against the links to that target object (two source
-- objects must not share one).
create index connector_object_target on connector_object (job_id, target_id);
