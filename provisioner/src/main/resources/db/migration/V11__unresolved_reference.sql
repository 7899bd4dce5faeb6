-- The DNs an object's references name that had no target object at the end of its cycle. The object's REFERENCE row
-- is then parked (due at infinity) and becomes due again once one of these DNs is linked, whichever cycle that is in:
-- a member read a cycle after its group still joins it. Escrowed members need no lookup of their own any more.
create table unresolved_reference (
    job_id          varchar(200) not null,
    referrer_anchor varchar(200) not null,
    dn              text         not null,
    primary key (job_id, referrer_anchor, dn)
);
drop index deferred_object_escrowed_dn;
alter table deferred_object drop column source_dn;
