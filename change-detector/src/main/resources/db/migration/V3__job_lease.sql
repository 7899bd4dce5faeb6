-- Which change-detector instance works a job: a second instance (after a rebalance, or resuming pending ticks)
-- waits until the first one released the job or its lease expired, so that two instances never read and publish
-- the same job's cycle at the same time. Used by sync-common's JobLeases.
create table job_lease (
    job_id     varchar(200) primary key,
    owner      varchar(100) not null,
    expires_at timestamptz  not null
);
