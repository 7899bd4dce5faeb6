-- The cycle each job is in, as far as the provisioner got: its kind and reset flags (ForceDeletes, a connector data
-- store reset) and its running counts survive a restart or a rebalance; the row goes once the cycle's result is
-- published.
create table running_cycle (
    job_id              varchar(200) primary key,
    cycle_id            varchar(100) not null,
    kind                varchar(20)  not null,
    began               timestamptz  not null,
    reset_scope         varchar(200) not null,
    counts              text         not null,
    first_target_error  text,
    started_at          timestamptz  not null,
    finished            boolean      not null default false
);

-- A full cycle marks the links of the objects it read; a link it did not mark belongs to an object that is gone
-- from the source. After a connector data store reset links are kept but matched again (rematch) before use.
alter table connector_object add column seen_in_cycle varchar(100);
alter table connector_object add column rematch boolean not null default false;
