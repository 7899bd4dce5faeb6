-- The interval the job was started or restarted with. A quarantine slows a job down by rescheduling it to a longer
-- interval; a source's doorbell (sync.source-changes) brings the next tick forward only while the job runs at its
-- own pace. Schedules from before this column have none, and their doorbell stays silent until the job is started
-- or restarted: whether they are quarantined now cannot be told.
alter table job_schedule add column base_interval_ms bigint;
