-- This service's copy of sync.job-settings: each job's synchronizationJobSettings (name -> value, JSON), as job-api
-- published them. A record older than the stored one (re-delivered, or overtaken) is ignored.
create table job_settings (
    job_id       varchar(200) primary key,
    settings     text         not null,
    published_at timestamptz  not null
);
