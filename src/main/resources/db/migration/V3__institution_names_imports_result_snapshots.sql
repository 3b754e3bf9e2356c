-- Live result sources, import API and operations. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Names an institution carried over time (renamings, mergers), as the national registries show them.
-- A result keeps the name its institution had when the result was achieved.
create table institution_name_history (
    id              bigint primary key,
    institution_id  bigint not null references institution(id),
    valid_from      date not null,
    valid_until     date,
    name_en         varchar(500) not null,
    name_nb         varchar(500),
    unique (institution_id, valid_from)
);

-- Ids for imported learners and learning opportunities, far above hand-written demo ids.
create sequence import_id_seq start with 10000000 increment by 1;

-- One row per import of one learner's results from one institution: makes re-imports idempotent
-- (same content hash: nothing changes) and leaves a trace of who imported what and when.
create table result_import (
    id              bigint primary key,
    institution_id  bigint not null references institution(id),
    learner_id      bigint not null references learner(id),
    content_hash    varchar(64) not null,
    format          varchar(8) not null,
    opportunities   integer not null,
    imported_at     timestamp with time zone not null,
    constraint result_import_format_check check (format in ('elmo', 'json'))
);
create index result_import_learner on result_import(learner_id, institution_id, imported_at);

-- What the sources answered when the student logged in, so every later step of the same transfer
-- (on any instance) shows and signs exactly the same results. Deleted with its flow.
create table result_snapshot (
    flow_id     varchar(64) primary key references emrex_session(id) on delete cascade,
    payload     varchar(1000000) not null,
    created_at  timestamp with time zone not null
);
