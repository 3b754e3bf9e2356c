-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Institution directory
create table institution (
    id            bigint primary key,
    schac         varchar(255) not null unique,
    erasmus_code  varchar(64),
    pic           varchar(32),
    country       varchar(2),
    name_en       varchar(500) not null,
    name_nb       varchar(500),
    url           varchar(1000) not null
);

create table grading_scheme (
    id              bigint primary key,
    institution_id  bigint not null references institution(id),
    local_id        varchar(64) not null,
    description_en  varchar(4000) not null,
    description_nb  varchar(4000),
    unique (institution_id, local_id)
);

-- Learner register
create table learner (
    id                   bigint primary key,
    given_names          varchar(500) not null,
    family_name          varchar(500) not null,
    birth_date           date,
    national_identifier  varchar(64) unique,
    citizenship          varchar(2)
);

-- Demo login accounts (only read when the demo login is enabled)
create table demo_account (
    username    varchar(64) primary key,
    password    varchar(128) not null,
    learner_id  bigint not null references learner(id)
);

-- A learner's results as a tree: degree programme -> module -> course -> class.
-- One row holds the specification (code, titles, type) and the learner's instance (the result).
create table learning_opportunity (
    id                       bigint primary key,
    learner_id               bigint not null references learner(id),
    institution_id           bigint not null references institution(id),
    parent_id                bigint references learning_opportunity(id),
    sort_order               integer not null default 0,
    code                     varchar(128) not null,
    lo_type                  varchar(32) not null,
    title_en                 varchar(1000) not null,
    title_nb                 varchar(1000),
    start_date               date,
    result_date              date,
    status                   varchar(16) not null,
    grade                    varchar(64),
    ects_credits             numeric(7,2),
    grading_scheme_local_id  varchar(64),
    language_of_instruction  varchar(8),
    constraint lo_type_check check (lo_type in ('Degree Programme', 'Module', 'Course', 'Class')),
    constraint lo_status_check check (status in ('passed', 'failed', 'in-progress'))
);
create index learning_opportunity_learner on learning_opportunity(learner_id, institution_id);
create index learning_opportunity_parent on learning_opportunity(parent_id);

-- EMREX transfer state: one row per flow, keyed by an unguessable id, so any instance can continue it.
create table emrex_session (
    id             varchar(64) primary key,
    session_id     varchar(256) not null,
    return_url     varchar(2048) not null,
    state          varchar(16) not null,
    browser_key    varchar(64) not null,
    learner_id     bigint references learner(id),
    selection      varchar(8000),
    locale         varchar(16),
    return_code    varchar(32),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    answered_at    timestamp with time zone,
    version        bigint not null default 0,
    constraint emrex_session_state_check check (state in ('RECEIVED', 'AUTHENTICATED', 'SELECTED', 'ANSWERED', 'CANCELLED', 'EXPIRED'))
);
create index emrex_session_expires on emrex_session(expires_at);
