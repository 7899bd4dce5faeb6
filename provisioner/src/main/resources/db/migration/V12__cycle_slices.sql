-- A job's cycle may be worked by several instances at once, one slice (partition of sync.object-changes) each. A
-- slice that finished reading a cycle may begin the next one while another slice still works the first, so a job
-- can have several running cycles: one row per cycle. Counts are added by each slice as it goes; the slice that
-- records the last completion (slices_done reaching slices) ends the cycle.
alter table running_cycle drop constraint running_cycle_pkey;
alter table running_cycle add primary key (job_id, cycle_id);
alter table running_cycle add column slices integer not null default 1;
alter table running_cycle add column slices_done integer[] not null default '{}';

-- A full cycle marks the objects it read with the time it began rather than its id: an object a later cycle read
-- (on a slice that went ahead) was read after this one began, so it is not gone from the source either.
alter table connector_object add column seen_since timestamptz;
update connector_object o set seen_since = r.began
from running_cycle r where r.job_id = o.job_id and r.cycle_id = o.seen_in_cycle;
alter table connector_object drop column seen_in_cycle;
