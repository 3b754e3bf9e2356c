-- A case worker's session on the receivers' pages (/case-worker): stored hashed like every browser token, bound to
-- the one receiver whose role the login carried; deleted at logout and after the idle or absolute timeout.
create table case_worker_session (
    token_hash      varchar(64) primary key,
    receiver_id     varchar(128) not null,
    display_name    varchar(256),
    created_at      timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index case_worker_session_expires on case_worker_session(expires_at);
