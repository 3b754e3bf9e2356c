-- One row per running instance, written by the readiness check: an instance is ready only while the database
-- takes and commits a write. The kind goes through a check constraint of the same shape as the flow table's
-- (a list of several values), so that a database that cannot check such constraints is not reported ready.
create table readiness_probe (
    instance_id  varchar(64) primary key,
    kind         varchar(16) not null,
    checked_at   timestamp with time zone not null,
    constraint readiness_probe_kind_check check (kind in ('write', 'startup'))
);
