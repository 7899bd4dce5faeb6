-- The target's answer (status and body) to an escrowed object's last attempt: the same 5xx answer twice means the
-- target fails on this object for good, and it is not retried any more.
alter table deferred_object add column failure_signature text;
-- Escrow retries and staged deprovisioning are read in pages in this order.
create index deferred_object_due on deferred_object (job_id, kind, updated_at, anchor);
