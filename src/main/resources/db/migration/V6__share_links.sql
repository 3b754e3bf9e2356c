-- Share by link: the owner gives a recipient access to a fixed, signed snapshot of selected results through
-- an unguessable link and a separate access code. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- One link. Only a slow salted hash of the access code is stored (PBKDF2, see docs/adr/0601). The row stays
-- after expiry, deactivation and the deletion of its snapshot, so the owner's list keeps showing it.
create table share_link (
    id                   varchar(64) primary key,
    learner_id           bigint not null references learner(id) on delete cascade,
    label                varchar(100),
    language             varchar(8) not null,
    code_hash            varchar(256) not null,
    document_id          varchar(64) not null,
    -- The preview form's one-time id: a second submission of the same form creates no second link.
    request_id           varchar(64) not null unique,
    created_at           timestamp with time zone not null,
    expires_at           timestamp with time zone not null,
    deactivated_at       timestamp with time zone,
    locked_until         timestamp with time zone,
    snapshot_deleted_at  timestamp with time zone
);
create index share_link_learner on share_link(learner_id, created_at);
create index share_link_expires on share_link(expires_at);

-- What the link shows, fixed at creation: the signed ELMO document (with the signed PDF as its first
-- attachment) and the same results as JSON for the recipient's page. Deleted by retention.
create table share_link_snapshot (
    link_id      varchar(64) primary key references share_link(id) on delete cascade,
    signed_elmo  varchar(10000000) not null,
    payload      varchar(10000000) not null
);

-- Every successful opening with the right code.
create sequence share_link_view_seq start with 1 increment by 50;
create table share_link_view (
    id         bigint primary key,
    link_id    varchar(64) not null references share_link(id) on delete cascade,
    viewed_at  timestamp with time zone not null
);
create index share_link_view_link on share_link_view(link_id, viewed_at);

-- Wrong access codes, counted in a sliding window; old rows are removed by the purge job.
create sequence share_link_attempt_seq start with 1 increment by 50;
create table share_link_attempt (
    id            bigint primary key,
    link_id       varchar(64) not null references share_link(id) on delete cascade,
    attempted_at  timestamp with time zone not null
);
create index share_link_attempt_link on share_link_attempt(link_id, attempted_at);

-- A recipient's browser after the right code: only the SHA-256 of the cookie value is stored.
create table share_link_grant (
    token_hash  varchar(64) primary key,
    link_id     varchar(64) not null references share_link(id) on delete cascade,
    expires_at  timestamp with time zone not null
);
create index share_link_grant_expires on share_link_grant(expires_at);
