-- Every cycle's end counts a job's links by object type (synchronizedEntryCountByType). Without this index the
-- count reads every row, exported images included: ~270 ms of PostgreSQL at 100,000 links, once per cycle, so a
-- job polled every few seconds kept a core partly busy in proportion to its directory. With it the count reads the
-- index alone (~13 ms at 100,000 once vacuum has marked the pages all-visible).
create index connector_object_type on connector_object (job_id, object_type);
