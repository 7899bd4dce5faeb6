-- Which provisioner instance works a job: a second instance (after a rebalance) waits until the first one released
-- the job or its lease expired, so two instances never export the same job's objects at the same time.
create table job_lease (
    job_id     varchar(200) primary key,
    owner      varchar(100) not null,
    expires_at timestamptz  not null
);
