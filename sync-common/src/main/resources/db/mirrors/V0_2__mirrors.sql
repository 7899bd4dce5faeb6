-- Local copies of compacted topics, for the services that connect to directories (change-detector, provisioner).
create table mirrored_schema (
    job_id               varchar(200) primary key,
    service_principal_id varchar(64)  not null,
    template_id          varchar(100) not null,
    version              varchar(64)  not null,
    schema               text         not null,
    updated_at           timestamptz  not null
);

-- Still sealed with the transport key; opened only while connecting.
create table mirrored_secret (
    service_principal_id varchar(64) primary key,
    sealed               text        not null,
    updated_at           timestamptz not null
);
