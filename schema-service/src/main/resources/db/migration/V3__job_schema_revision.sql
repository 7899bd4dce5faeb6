-- The schema's revision (JPA @Version): 0 for the copy of the template, +1 for every change. Writes lock the row,
-- so concurrent PUT/PATCH/DELETE are applied one after the other, each to the schema the previous one left.
alter table job_schema add column revision bigint not null default 0;
