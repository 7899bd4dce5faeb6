-- provisionOnDemand's per-job rate limit, shared by every job-api instance: one row per job holding the times of its
-- requests within the current sliding window. A request locks the row, so instances admit one after the other.
create table on_demand_request (
    job_id        varchar(200) primary key,
    recent        timestamptz[] not null,
    last_request  timestamptz   not null
);
create index on_demand_request_last on on_demand_request (last_request);
