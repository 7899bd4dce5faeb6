-- Each batch asks which of its objects have deferred work (DeferredWork.pending), whatever the kind.
create index deferred_object_anchor on deferred_object (job_id, anchor);
