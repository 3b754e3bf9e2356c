-- For receivers (docs/receivers.md): a case system's request for an applicant's results, the answers the applicant
-- fetched for it from NCPs, and the outbox of webhook deliveries. Runs unchanged on PostgreSQL and on H2.

-- One request of a receiver's case system. The expected person, the answers and the evaluation are personal data:
-- the row and everything under it go at purge_at (the configured retention after the request ended).
create table receiver_request (
    id                   varchar(64) primary key,
    receiver_id          varchar(128) not null,
    case_reference       varchar(256) not null,
    purpose              varchar(1000),
    expected_person      varchar(4000) not null,
    profile_id           varchar(128) not null,
    profile_version      integer not null,
    applicant_return_url varchar(2048),
    status               varchar(16) not null,
    outcome              varchar(16),
    results              varchar(10000000),
    evaluation           varchar(1000000),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    expires_at           timestamp with time zone not null,
    evaluated_at         timestamp with time zone,
    purge_at             timestamp with time zone not null,
    row_version          bigint default 0 not null
);
create index receiver_request_receiver on receiver_request(receiver_id, created_at);
create index receiver_request_purge on receiver_request(purge_at);
create index receiver_request_expires on receiver_request(status, expires_at);

-- One trip of the applicant to an NCP: the sessionId we sent is the id, so the answer finds its request.
-- The answer is kept as received (the elmo value, base64(gzip(signed XML))) beside what the verifier said.
create table receiver_answer (
    id              varchar(64) primary key,
    request_id      varchar(64) not null references receiver_request(id) on delete cascade,
    provider        varchar(256) not null,
    provider_url    varchar(2048) not null,
    started_at      timestamp with time zone not null,
    received_at     timestamp with time zone,
    return_code     varchar(32),
    verified        boolean,
    verdict         varchar(32),
    learner_match   varchar(16),
    weak_signature  boolean,
    verification    varchar(1000000),
    document        varchar(10000000),
    pdf             varchar(10000000),
    results         varchar(10000000)
);
create index receiver_answer_request on receiver_answer(request_id);

-- The outbox: an evaluated request is written here in the transaction that evaluated it, and a job delivers it
-- until the receiver's endpoint accepts it or the retry time is over. The id is the idempotency key.
create table webhook_delivery (
    id              varchar(64) primary key,
    request_id      varchar(64) not null references receiver_request(id) on delete cascade,
    receiver_id     varchar(128) not null,
    url             varchar(2048) not null,
    payload         varchar(10000000) not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone,
    attempts        integer not null,
    delivered_at    timestamp with time zone,
    abandoned_at    timestamp with time zone,
    last_status     integer,
    last_error      varchar(500)
);
create index webhook_delivery_due on webhook_delivery(next_attempt_at);
create index webhook_delivery_request on webhook_delivery(request_id);

create sequence webhook_attempt_seq start with 1 increment by 50;
create table webhook_attempt (
    id              bigint primary key,
    delivery_id     varchar(64) not null references webhook_delivery(id) on delete cascade,
    attempted_at    timestamp with time zone not null,
    http_status     integer,
    error           varchar(500),
    duration_ms     bigint not null
);
create index webhook_attempt_delivery on webhook_attempt(delivery_id);
