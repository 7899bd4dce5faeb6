create table service_principal (
    id                             uuid primary key,
    app_id                         uuid         not null unique,
    display_name                   varchar(256) not null,
    app_display_name               varchar(256),
    app_description                varchar(1024),
    description                    varchar(1024),
    notes                          varchar(1024),
    account_enabled                boolean      not null,
    app_role_assignment_required   boolean      not null,
    service_principal_type         varchar(50)  not null,
    application_template_id        varchar(100),
    homepage                       varchar(2048),
    login_url                      varchar(2048),
    logout_url                     varchar(2048),
    preferred_single_sign_on_mode  varchar(50),
    tags                           jsonb        not null,
    notification_email_addresses   jsonb        not null,
    reply_urls                     jsonb        not null,
    created_at                     timestamptz  not null
);
create index service_principal_display_name on service_principal (lower(display_name));

create table synchronization_job (
    id                                      varchar(200) primary key,
    service_principal_id                    uuid         not null references service_principal (id) on delete cascade,
    template_id                             varchar(100) not null,
    schedule_state                          varchar(20)  not null,
    schedule_interval                       varchar(50)  not null,
    schedule_expiration                     timestamptz,
    status_code                             varchar(20)  not null,
    count_successive_complete_failures      bigint       not null,
    escrows_pruned                          boolean      not null,
    last_execution                          jsonb,
    last_successful_execution               jsonb,
    last_successful_execution_with_exports  jsonb,
    progress                                jsonb        not null,
    quarantine                              jsonb,
    steady_state_first_achieved_time        timestamptz  not null,
    steady_state_last_achieved_time         timestamptz  not null,
    synchronized_entry_count_by_type        jsonb        not null,
    troubleshooting_url                     varchar(2048),
    settings                                jsonb        not null,
    cycle_completed                         boolean      not null,
    created_at                              timestamptz  not null,
    version                                 bigint       not null
);
create index synchronization_job_service_principal on synchronization_job (service_principal_id);
