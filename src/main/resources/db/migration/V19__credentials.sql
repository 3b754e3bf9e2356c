-- "My competence": credentials that are not higher-education results (docs/competence.md, ADR 0870). One row per
-- credential a register issued: an upper-secondary diploma, a trade or journeyman certificate, a licence, an
-- authorisation or certification, a recognition decision. The kind's own attributes are JSON in details; the
-- columns are what every kind has. A register's key (source, source_key) makes imports idempotent.
create table credential (
    id              varchar(36) primary key,
    learner_id      bigint not null references learner(id) on delete cascade,
    source          varchar(64) not null,
    source_key      varchar(128) not null,
    kind            varchar(32) not null,
    title           varchar(4000) not null,
    issuer_name     varchar(512) not null,
    issuer_country  varchar(2),
    issuer_id       varchar(256),
    issued_on       date,
    number          varchar(128),
    valid_from      date,
    valid_to        date,
    status          varchar(16) not null,
    status_since    date,
    details         varchar(1000000) not null,
    content_hash    varchar(64) not null,
    imported_at     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint credential_source_key unique (source, source_key)
);
create index credential_learner on credential(learner_id);

-- Every status a credential has had, oldest first: a credential shared while valid and revoked later says so.
create table credential_status_change (
    id              varchar(36) primary key,
    credential_id   varchar(36) not null references credential(id) on delete cascade,
    status          varchar(16) not null,
    since           date,
    reason          varchar(1000),
    recorded_at     timestamp with time zone not null
);
create index credential_status_change_credential on credential_status_change(credential_id, recorded_at);
