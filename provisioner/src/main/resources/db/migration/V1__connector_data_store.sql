-- The connector data store: which target object each source object is linked to, and what was last exported.
create table connector_object (
    job_id      varchar(200) not null,
    anchor      varchar(200) not null,
    object_type varchar(100) not null,
    source_dn   text,
    target_id   varchar(500) not null,
    state       varchar(20)  not null,
    exported    text         not null,
    updated_at  timestamptz  not null,
    primary key (job_id, anchor)
);
create index connector_object_dn on connector_object (job_id, lower(source_dn));

-- Work on an object that waits for later, with the source image to do it with:
--   escrow      an export failed; retried after next_retry_at, with back-off
--   reference   a member or manager was not linked yet; resolved at the end of the cycle
--   deprovision a disable or delete, executed at the end of the cycle unless it would exceed the deletion threshold
create table deferred_object (
    job_id        varchar(200) not null,
    anchor        varchar(200) not null,
    kind          varchar(20)  not null,
    change        text         not null,
    error_code    varchar(200),
    error_message text,
    retry_count   int          not null,
    next_retry_at timestamptz  not null,
    updated_at    timestamptz  not null,
    primary key (job_id, kind, anchor)
);
