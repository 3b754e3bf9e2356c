-- Student authentication. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The identifiers an identity provider vouches for, mapped to a learner of the register:
-- national identity number (nin), Feide id / eduPersonPrincipalName (feide, eppn), European Student Identifier (esi).
-- The learner's own national_identifier column is also matched for scheme nin.
create table learner_identifier (
    scheme       varchar(32) not null,
    identifier   varchar(256) not null,
    learner_id   bigint not null references learner(id) on delete cascade,
    primary key (scheme, identifier)
);
create index learner_identifier_learner on learner_identifier(learner_id);

-- A logged-in visit to the portal. Only the SHA-256 of the cookie value is stored; learner_id is null
-- for a person the identity provider knows but the register does not (display_name then tells them
-- which identity they used). Rows are deleted at logout and after the idle or absolute timeout.
create table portal_session (
    id_hash        varchar(64) primary key,
    learner_id     bigint references learner(id) on delete cascade,
    login_method   varchar(16) not null,
    display_name   varchar(1000),
    created_at     timestamp with time zone not null,
    last_seen_at   timestamp with time zone not null,
    id_token_hint  varchar(8000)
);
create index portal_session_last_seen on portal_session(last_seen_at);
