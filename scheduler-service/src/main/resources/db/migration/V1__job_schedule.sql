-- One row per job the scheduler knows; ticks are claimed with SELECT ... FOR UPDATE SKIP LOCKED, so several
-- scheduler instances can share the table without emitting a tick twice.
create table job_schedule (
    job_id              varchar(200) primary key,
    state               varchar(20)  not null,
    interval_ms         bigint,
    next_due_at         timestamptz,
    tick_sequence       bigint       not null,
    next_cycle_kind     varchar(20)  not null,
    pending_reset_scope varchar(200),
    updated_at          timestamptz  not null
);
create index job_schedule_due on job_schedule (next_due_at) where state = 'Active';
