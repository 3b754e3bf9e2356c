-- Demo data for live result sources (loaded by DemoDataSeeder after V1000): learner Carla (login carla / demo) studied at Bergen University
-- College, which merged into Western Norway University of Applied Sciences in 2017, and is now at the
-- University of Bergen, whose live endpoint (the demo institution built into this service) is down for
-- her. The walk-through shows her college results under the name the college had then, and a notice
-- that the University of Bergen could not be reached. Portable SQL for PostgreSQL and H2.
-- The person is fictitious; the national identifier deliberately fails the mod-11 check.
insert into institution (id, schac, erasmus_code, pic, country, url) values
    (3, 'uib.no', 'N BERGEN01', null, 'NO', 'https://www.uib.no/');
insert into institution_name (institution_id, lang, name) values
    (3, 'en', 'University of Bergen'),
    (3, 'nb', 'Universitetet i Bergen');
insert into institution (id, schac, erasmus_code, pic, country, url) values
    (4, 'hvl.no', null, null, 'NO', 'https://www.hvl.no/');
insert into institution_name (institution_id, lang, name) values
    (4, 'en', 'Western Norway University of Applied Sciences'),
    (4, 'nb', 'Høgskulen på Vestlandet');
-- Bergen University College until the merger on 1 January 2017.
insert into institution_name_history (id, institution_id, valid_from, valid_until) values
    (1, 4, DATE '1994-08-01', DATE '2017-01-01');
insert into institution_name_history_text (history_id, lang, name) values
    (1, 'en', 'Bergen University College'),
    (1, 'nb', 'Høgskolen i Bergen');
insert into grading_scheme (id, institution_id, local_id) values
    (5, 4, 'AF');
insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (5, 'en', 'A (excellent) to E (sufficient) are pass grades, F is fail.'),
    (5, 'nb', 'A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.');

insert into learner (id, given_names, family_name, birth_date, national_identifier, citizenship) values
    (3, 'Carla', 'Mendes Haugen', DATE '1994-08-24', '24089467890', 'NO');
insert into demo_account (username, password, learner_id) values ('carla', 'demo', 3);
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (300, 3, 4, null, 1, 'BADAT', 'Degree Programme', DATE '2013-08-12', DATE '2016-06-10', 'passed', null, null, null, 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (300, 'en', 'Bachelor''s programme in Computer Engineering'),
    (300, 'nb', 'Bachelorprogram i dataingeniørfag');
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (301, 3, 4, 300, 1, 'DAT100', 'Course', DATE '2013-08-12', DATE '2013-12-13', 'passed', 'B', 10.0, 'AF', 'no'),
    (302, 3, 4, 300, 2, 'MAT101', 'Course', DATE '2013-08-12', DATE '2013-12-17', 'passed', 'C', 10.0, 'AF', 'no'),
    (303, 3, 4, 300, 3, 'DAT102', 'Course', DATE '2014-01-06', DATE '2014-06-02', 'passed', 'A', 10.0, 'AF', 'no'),
    (304, 3, 4, 300, 4, 'DAT107', 'Course', DATE '2014-08-11', DATE '2014-12-12', 'passed', 'B', 10.0, 'AF', 'no'),
    (305, 3, 4, 300, 5, 'DAT190', 'Course', DATE '2016-01-04', DATE '2016-06-10', 'passed', 'A', 20.0, 'AF', 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (301, 'en', 'Object-Oriented Programming'),
    (301, 'nb', 'Objektorientert programmering'),
    (302, 'en', 'Discrete Mathematics'),
    (302, 'nb', 'Diskret matematikk'),
    (303, 'en', 'Algorithms and Data Structures'),
    (303, 'nb', 'Algoritmer og datastrukturer'),
    (304, 'en', 'Databases'),
    (304, 'nb', 'Databaser'),
    (305, 'en', 'Bachelor Thesis'),
    (305, 'nb', 'Bacheloroppgave');
