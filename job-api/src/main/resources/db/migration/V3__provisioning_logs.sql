-- Provisioning-log records from sync.provisioning-logs; the filterable properties have their own columns.
create table provisioning_log (
    id                   varchar(64)  primary key,
    job_id               varchar(200) not null,
    cycle_id             varchar(64),
    change_id            varchar(64),
    activity_date_time   timestamptz  not null,
    action               varchar(30)  not null,
    status               varchar(30)  not null,
    service_principal_id varchar(64),
    source_id            varchar(500),
    source_display_name  varchar(500),
    source_identity_type varchar(100),
    target_id            varchar(500),
    target_display_name  varchar(500),
    target_identity_type varchar(200),
    body                 jsonb        not null
);
create index provisioning_log_job on provisioning_log (job_id, activity_date_time desc);
create index provisioning_log_time on provisioning_log (activity_date_time desc);
