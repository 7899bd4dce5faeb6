-- The matching values claimed by objects being matched or created right now, for cycles spread over several
-- provisioner instances (docs/scaling.md): the first object to claim a value goes on, another one with the same value
-- is a duplicate source entry. An object that failed releases its claims; one that was linked keeps them until its
-- cycle ends, because another instance may have asked the target about the value before it was created; a claim left
-- by an instance that stopped meanwhile expires. value_key is a digest of the attribute and the value, whatever their
-- length.
create table matching_claim (
    job_id      varchar(200) not null,
    object_type varchar(200) not null,
    value_key   varchar(64)  not null,
    anchor      varchar(200) not null,
    cycle_id    varchar(100) not null,
    claimed_at  timestamptz  not null,
    primary key (job_id, object_type, value_key)
);
