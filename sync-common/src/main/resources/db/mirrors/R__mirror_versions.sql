-- The revision of a mirrored schema and the version of a mirrored secret set, as their publishers numbered them: a
-- record older than the stored one (re-delivered, or overtaken) is ignored. Null for copies of records published
-- before they carried a number. A repeatable migration (idempotent DDL), as in db/common: the services that run
-- db/mirrors have versioned migrations of their own above any version this directory could take.
alter table mirrored_schema add column if not exists revision bigint;
alter table mirrored_secret add column if not exists version bigint;
