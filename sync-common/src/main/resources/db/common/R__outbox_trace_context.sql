-- The W3C traceparent an event was written in (OutboxRelay puts it in the record's headers, so consumers continue
-- the trace), and kept with a row moved aside. Fixed-length ("00-" trace id "-" span id "-" flags), hence the bound.
-- Repeatable and idempotent like R__outbox_dead (runs after it: repeatable migrations run in description order).
alter table outbox_event add column if not exists traceparent varchar(55);
alter table outbox_dead add column if not exists traceparent varchar(55);
