-- Parts of an object change too large for one Kafka record (a very large group), kept until the last part arrived
-- and the assembled object was worked: a batch may end between two parts, and its offsets are committed.
create table object_change_part (
    job_id      varchar(200) not null,
    event_id    varchar(64)  not null,
    part        int          not null,
    cycle_id    varchar(64)  not null,
    change      text         not null,
    received_at timestamptz  not null,
    primary key (job_id, event_id, part)
);
