-- The application owning the job's service principal (from JobCreated): Application.ReadWrite.OwnedBy callers may
-- read and change only the schemas of jobs their application owns.
alter table job_schema add column owner_app_id varchar(200);
