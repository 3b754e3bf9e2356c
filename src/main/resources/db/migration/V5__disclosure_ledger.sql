-- The owner's disclosure ledger: one row per disclosure of a learner's results (an EMREX answer, a share
-- link created, viewed, locked or deactivated). Rows are only ever inserted, in the same transaction as the
-- event they record; the application never updates them and deletes them only when a learner is removed
-- or when they are older than the configured ledger retention. What was disclosed is copied into the row
-- (results), so the record stays readable after the results or a link's snapshot are gone.
create sequence disclosure_event_seq start with 1 increment by 50;

create table disclosure_event (
    id             bigint primary key,
    learner_id     bigint not null references learner(id) on delete cascade,
    occurred_at    timestamp with time zone not null,
    kind           varchar(32) not null,
    -- EMREX: the host of the return URL; links: null
    recipient      varchar(255),
    -- EMREX: NCP_OK, NCP_CANCEL, NCP_ERROR (or the EMP_ family); links: null
    return_code    varchar(32),
    -- Links: the public id of the link; EMREX: null
    share_link_id  varchar(64),
    -- The id of the signed document (ELMO/PDF) when one was issued
    document_id    varchar(64),
    -- The owner's own label of a link, copied so that it survives the link
    label          varchar(200),
    -- JSON array of the disclosed results: [{"institution":..,"id":..,"code":..,"title":..}]
    results        text
);
create index disclosure_event_learner on disclosure_event(learner_id, occurred_at);
create index disclosure_event_occurred on disclosure_event(occurred_at);
