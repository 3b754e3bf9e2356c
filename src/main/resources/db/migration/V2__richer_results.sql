-- Richer results for complete ELMO: every optional part of a result the sources can have.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- European Student Identifier; written into ELMO only when ncp.elmo.include-learner-identifiers=true
alter table learner add column esi varchar(255);

-- Names, titles and descriptions in languages beyond English and Norwegian bokmål (lang: BCP 47 code)
create table institution_name (
    institution_id  bigint not null references institution(id),
    lang            varchar(16) not null,
    name            varchar(500) not null,
    primary key (institution_id, lang)
);

create table grading_scheme_description (
    grading_scheme_id  bigint not null references grading_scheme(id),
    lang               varchar(16) not null,
    description        varchar(4000) not null,
    primary key (grading_scheme_id, lang)
);

create table learning_opportunity_title (
    learning_opportunity_id  bigint not null references learning_opportunity(id),
    lang                     varchar(16) not null,
    title                    varchar(1000) not null,
    primary key (learning_opportunity_id, lang)
);

-- Academic terms of an institution ("Autumn 2019"); courses refer to the term they ran in
create table academic_term (
    id              bigint primary key,
    institution_id  bigint not null references institution(id),
    title_en        varchar(255) not null,
    title_nb        varchar(255),
    start_date      date not null,
    end_date        date not null,
    constraint academic_term_dates check (start_date <= end_date)
);

alter table learning_opportunity add column academic_term_id bigint;
alter table learning_opportunity add constraint learning_opportunity_term
    foreign key (academic_term_id) references academic_term(id);
-- numeric(7,2) cannot tell 7.5 from 7.50; the number of decimals the source wrote is kept beside it
alter table learning_opportunity add column ects_scale smallint;
alter table learning_opportunity add constraint learning_opportunity_ects_scale check (ects_scale between 0 and 2);
alter table learning_opportunity add column engagement_hours numeric(7,1);
-- Shortened grading: share of students of the same course with a lower, equal, higher grade (percent)
alter table learning_opportunity add column percentage_lower numeric(5,2);
alter table learning_opportunity add column percentage_equal numeric(5,2);
alter table learning_opportunity add column percentage_higher numeric(5,2);
-- Description of the result distribution below, when the source has one
alter table learning_opportunity add column distribution_description_en varchar(1000);
alter table learning_opportunity add column distribution_description_nb varchar(1000);

-- Result distribution: how many students got each grade (failed ones included)
create table result_distribution_category (
    learning_opportunity_id  bigint not null references learning_opportunity(id),
    sort_order               integer not null,
    label                    varchar(64) not null,
    student_count            integer not null,
    primary key (learning_opportunity_id, sort_order),
    constraint result_distribution_count check (student_count >= 0)
);

-- Levels in qualification frameworks (EQF, the Norwegian NQF, ...)
create table learning_opportunity_level (
    learning_opportunity_id  bigint not null references learning_opportunity(id),
    sort_order               integer not null,
    level_type               varchar(64) not null,
    level_value              varchar(64),
    description_en           varchar(1000),
    description_nb           varchar(1000),
    primary key (learning_opportunity_id, sort_order)
);

-- Identifiers of a result (the instance), e.g. a diploma number
create table result_identifier (
    learning_opportunity_id  bigint not null references learning_opportunity(id),
    id_type                  varchar(64) not null,
    id_value                 varchar(255) not null,
    primary key (learning_opportunity_id, id_type)
);

-- Documents an institution issued for a result, passed through into ELMO unchanged.
-- Base64 text rather than binary: the same SQL loads it on both databases, and ELMO carries it as base64 anyway.
create table source_attachment (
    id                       bigint primary key,
    learning_opportunity_id  bigint not null references learning_opportunity(id),
    local_id                 varchar(64) not null,
    attachment_type          varchar(32) not null,
    title_en                 varchar(500),
    title_nb                 varchar(500),
    media_type               varchar(100) not null,
    content_base64           varchar(10000000) not null,
    constraint source_attachment_type check (attachment_type in ('Diploma Supplement', 'Transcript of Records'))
);
create index source_attachment_lo on source_attachment(learning_opportunity_id);
