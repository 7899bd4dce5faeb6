-- A log's body is only ever stored and returned whole, never queried inside: json keeps the text as sent (checked,
-- not converted), which costs PostgreSQL a third of jsonb's time per insert and takes ~30 % less room. lz4 compresses
-- the bodies too long to stay inline (most are, at ~4 KB) faster than the default pglz; a server built without lz4
-- keeps pglz.
alter table provisioning_log alter column body type json using body::json;
do $$
begin
    alter table provisioning_log alter column body set compression lz4;
exception when feature_not_supported then
    raise notice 'lz4 is not available on this server; provisioning_log.body keeps the default compression';
end
$$;
