-- Shared by every service, each in its own database: the transactional outbox (events written in the same
-- transaction as the state they announce, published to Kafka by OutboxRelay) and the inbox of processed event ids
-- (so a redelivered event is applied once).
create table outbox_event (
    id            bigint generated always as identity primary key,
    event_id      varchar(64)  not null,
    topic         varchar(200) not null,
    record_key    varchar(1000) not null,
    event_type    varchar(100) not null,
    event_version int          not null,
    payload       text,        -- null: a tombstone, deleting the key from a compacted topic
    created_at    timestamptz  not null
);

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(64)  not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
create index processed_event_age on processed_event (processed_at);
