-- Users uploaded through bulkUpload (sync.inbound-records), kept until a cycle of their job published them and Kafka
-- acknowledged it: a paused job keeps them, and a crash re-publishes rather than loses them. seq keeps upload order.
create table inbound_record (
    record_id   varchar(100)  primary key,
    seq         bigserial     not null,
    job_id      varchar(200)  not null,
    upload_id   varchar(100)  not null,
    bulk_id     varchar(300)  not null,
    external_id varchar(300)  not null,
    scim_user   text          not null,
    received_at timestamptz   not null
);
create index inbound_record_job_seq on inbound_record (job_id, seq);
