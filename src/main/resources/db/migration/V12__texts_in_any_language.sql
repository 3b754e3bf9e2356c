-- Every name, title and description in one model: a side table of (owner, lang, text) rows, any number of
-- languages. The English and bokmål columns that came before are moved into these tables and dropped; texts the
-- tables already held in that language (from an import) win over the column. Runs on PostgreSQL and on H2.

-- Institutions (the table exists since V2)
insert into institution_name (institution_id, lang, name)
    select i.id, 'en', i.name_en from institution i where i.name_en is not null and trim(i.name_en) <> ''
        and not exists (select 1 from institution_name n where n.institution_id = i.id and n.lang = 'en');
insert into institution_name (institution_id, lang, name)
    select i.id, 'nb', i.name_nb from institution i where i.name_nb is not null and trim(i.name_nb) <> ''
        and not exists (select 1 from institution_name n where n.institution_id = i.id and n.lang = 'nb');
alter table institution drop column name_en;
alter table institution drop column name_nb;

-- Names an institution carried before (renamings, mergers)
create table institution_name_history_text (
    history_id  bigint not null references institution_name_history(id),
    lang        varchar(16) not null,
    name        varchar(500) not null,
    primary key (history_id, lang)
);
insert into institution_name_history_text (history_id, lang, name)
    select h.id, 'en', h.name_en from institution_name_history h where h.name_en is not null and trim(h.name_en) <> '';
insert into institution_name_history_text (history_id, lang, name)
    select h.id, 'nb', h.name_nb from institution_name_history h where h.name_nb is not null and trim(h.name_nb) <> '';
alter table institution_name_history drop column name_en;
alter table institution_name_history drop column name_nb;

-- Grading schemes (the table exists since V2)
insert into grading_scheme_description (grading_scheme_id, lang, description)
    select g.id, 'en', g.description_en from grading_scheme g
        where g.description_en is not null and trim(g.description_en) <> ''
        and not exists (select 1 from grading_scheme_description d where d.grading_scheme_id = g.id and d.lang = 'en');
insert into grading_scheme_description (grading_scheme_id, lang, description)
    select g.id, 'nb', g.description_nb from grading_scheme g
        where g.description_nb is not null and trim(g.description_nb) <> ''
        and not exists (select 1 from grading_scheme_description d where d.grading_scheme_id = g.id and d.lang = 'nb');
alter table grading_scheme drop column description_en;
alter table grading_scheme drop column description_nb;

-- Titles of learning opportunities (the table exists since V2)
insert into learning_opportunity_title (learning_opportunity_id, lang, title)
    select lo.id, 'en', lo.title_en from learning_opportunity lo where lo.title_en is not null and trim(lo.title_en) <> ''
        and not exists (select 1 from learning_opportunity_title t where t.learning_opportunity_id = lo.id and t.lang = 'en');
insert into learning_opportunity_title (learning_opportunity_id, lang, title)
    select lo.id, 'nb', lo.title_nb from learning_opportunity lo where lo.title_nb is not null and trim(lo.title_nb) <> ''
        and not exists (select 1 from learning_opportunity_title t where t.learning_opportunity_id = lo.id and t.lang = 'nb');
alter table learning_opportunity drop column title_en;
alter table learning_opportunity drop column title_nb;

-- Description of a result distribution
create table result_distribution_description (
    learning_opportunity_id  bigint not null references learning_opportunity(id),
    lang                     varchar(16) not null,
    description              varchar(1000) not null,
    primary key (learning_opportunity_id, lang)
);
insert into result_distribution_description (learning_opportunity_id, lang, description)
    select lo.id, 'en', lo.distribution_description_en from learning_opportunity lo
        where lo.distribution_description_en is not null and trim(lo.distribution_description_en) <> '';
insert into result_distribution_description (learning_opportunity_id, lang, description)
    select lo.id, 'nb', lo.distribution_description_nb from learning_opportunity lo
        where lo.distribution_description_nb is not null and trim(lo.distribution_description_nb) <> '';
alter table learning_opportunity drop column distribution_description_en;
alter table learning_opportunity drop column distribution_description_nb;

-- Descriptions of levels in qualification frameworks
create table learning_opportunity_level_description (
    learning_opportunity_id  bigint not null,
    sort_order               integer not null,
    lang                     varchar(16) not null,
    description              varchar(1000) not null,
    primary key (learning_opportunity_id, sort_order, lang),
    foreign key (learning_opportunity_id, sort_order)
        references learning_opportunity_level(learning_opportunity_id, sort_order)
);
insert into learning_opportunity_level_description (learning_opportunity_id, sort_order, lang, description)
    select l.learning_opportunity_id, l.sort_order, 'en', l.description_en from learning_opportunity_level l
        where l.description_en is not null and trim(l.description_en) <> '';
insert into learning_opportunity_level_description (learning_opportunity_id, sort_order, lang, description)
    select l.learning_opportunity_id, l.sort_order, 'nb', l.description_nb from learning_opportunity_level l
        where l.description_nb is not null and trim(l.description_nb) <> '';
alter table learning_opportunity_level drop column description_en;
alter table learning_opportunity_level drop column description_nb;

-- Titles of academic terms
create table academic_term_title (
    academic_term_id  bigint not null references academic_term(id),
    lang              varchar(16) not null,
    title             varchar(255) not null,
    primary key (academic_term_id, lang)
);
insert into academic_term_title (academic_term_id, lang, title)
    select t.id, 'en', t.title_en from academic_term t where t.title_en is not null and trim(t.title_en) <> '';
insert into academic_term_title (academic_term_id, lang, title)
    select t.id, 'nb', t.title_nb from academic_term t where t.title_nb is not null and trim(t.title_nb) <> '';
alter table academic_term drop column title_en;
alter table academic_term drop column title_nb;

-- Titles of documents the institutions issued
create table source_attachment_title (
    source_attachment_id  bigint not null references source_attachment(id),
    lang                  varchar(16) not null,
    title                 varchar(500) not null,
    primary key (source_attachment_id, lang)
);
insert into source_attachment_title (source_attachment_id, lang, title)
    select a.id, 'en', a.title_en from source_attachment a where a.title_en is not null and trim(a.title_en) <> '';
insert into source_attachment_title (source_attachment_id, lang, title)
    select a.id, 'nb', a.title_nb from source_attachment a where a.title_nb is not null and trim(a.title_nb) <> '';
alter table source_attachment drop column title_en;
alter table source_attachment drop column title_nb;
