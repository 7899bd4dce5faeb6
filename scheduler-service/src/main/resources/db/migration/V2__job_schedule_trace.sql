-- The W3C traceparent of the command that last changed the schedule: the next tick continues that trace (a start or
-- restart is followed through its first cycle), later ticks start their own. Fixed length, see TraceContext.
alter table job_schedule add column traceparent varchar(55);
