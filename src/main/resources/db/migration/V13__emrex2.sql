-- EMREX 2.0 beside 1.0 (docs/emrex2.md). Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Which protocol a flow came in by; every flow before this one was EMREX 1.0.
alter table emrex_session add column protocol varchar(16) default 'emrex1' not null;

-- The authorization request of an EMREX 2.0 flow, kept with the flow and gone with it.
create table emrex2_authorization (
    flow_id         varchar(64) primary key references emrex_session(id) on delete cascade,
    client_id       varchar(256) not null,
    redirect_uri    varchar(2048) not null,
    code_challenge  varchar(128) not null,
    scope           varchar(512),
    created_at      timestamp with time zone not null
);

-- What the student consented to, fixed when they confirmed: the signed ELMO (base64(gzip)) and its PDF (base64),
-- or nothing when they had no results. The ledger keeps the record of it; this row goes at expires_at.
create table emrex2_consent (
    ref_id          varchar(64) primary key,
    flow_id         varchar(64) not null,
    client_id       varchar(256) not null,
    learner_id      bigint references learner(id) on delete cascade,
    recipient       varchar(255) not null,
    document_id     varchar(64),
    document        varchar(10000000),
    pdf             varchar(10000000),
    scope           varchar(512),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index emrex2_consent_expires on emrex2_consent(expires_at);

-- Authorization codes, stored hashed: single use, short-lived, bound to what the authorization request said.
create table emrex2_code (
    code_hash       varchar(64) primary key,
    ref_id          varchar(64) not null references emrex2_consent(ref_id) on delete cascade,
    client_id       varchar(256) not null,
    redirect_uri    varchar(2048) not null,
    code_challenge  varchar(128) not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone
);

-- Access tokens, stored hashed, bound to one consent.
create table emrex2_token (
    token_hash      varchar(64) primary key,
    ref_id          varchar(64) not null references emrex2_consent(ref_id) on delete cascade,
    client_id       varchar(256) not null,
    scope           varchar(512),
    expires_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone
);

-- Every client assertion's jti until the assertion expires: a replay is refused on any instance.
create table emrex2_assertion (
    client_id       varchar(256) not null,
    jti             varchar(256) not null,
    expires_at      timestamp with time zone not null,
    primary key (client_id, jti)
);
create index emrex2_assertion_expires on emrex2_assertion(expires_at);
