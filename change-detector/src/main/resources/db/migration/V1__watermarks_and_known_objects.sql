-- Where the next delta read of each job starts (an opaque connector watermark).
create table source_watermark (
    job_id     varchar(200) primary key,
    watermark  text         not null,
    updated_at timestamptz  not null
);

-- Every source object a job has seen: deletions are what is known but no longer read, and an image hash
-- equal to the last published one means "unchanged" (timestamp deltas re-deliver an overlap window).
create table known_object (
    job_id      varchar(200) not null,
    anchor      varchar(200) not null,
    object_type varchar(100) not null,
    dn          text,
    image_hash  varchar(64)  not null,
    seen_cycle  varchar(64)  not null,
    primary key (job_id, anchor)
);
create index known_object_unseen on known_object (job_id, object_type, seen_cycle);
