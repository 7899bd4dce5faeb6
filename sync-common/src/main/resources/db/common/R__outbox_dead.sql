-- Outbox rows Kafka can never accept (larger than the producer's max.request.size, unserializable), moved aside by
-- OutboxRelay with the reason so the rows behind them keep flowing; counted by sync_outbox_dead_rows and the
-- "outbox" readiness check. Inspect and re-queue by hand:
--   insert into outbox_event (event_id, topic, record_key, event_type, event_version, payload, created_at, traceparent)
--   select event_id, topic, record_key, event_type, event_version, payload, created_at, traceparent
--   from outbox_dead where id = …;
-- A repeatable migration (idempotent DDL): every service runs db/common next to its own versioned migrations, so a
-- version number here would collide with theirs.
create table if not exists outbox_dead (
    id            bigint generated always as identity primary key,
    outbox_id     bigint        not null,
    event_id      varchar(64)   not null,
    topic         varchar(200)  not null,
    record_key    varchar(1000) not null,
    event_type    varchar(100)  not null,
    event_version int           not null,
    payload       text,
    created_at    timestamptz   not null,
    failed_at     timestamptz   not null,
    reason        varchar(2000) not null
);
