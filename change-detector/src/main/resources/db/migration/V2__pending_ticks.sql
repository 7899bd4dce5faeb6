-- A tick acknowledged on sync.ticks whose cycle has not reported its result yet, merged with any later one of the
-- same job: a restart's reset flags (Full, Watermark...) survive a crash and run when the service is back.
create table pending_tick (
    job_id     varchar(200) primary key,
    sequence   bigint       not null,
    tick       text         not null,
    updated_at timestamptz  not null
);
