-- Demo data for live result sources (loaded by DemoDataSeeder after V1000): learner Carla (login carla / demo) studied at Bergen University
-- College, which merged into Western Norway University of Applied Sciences in 2017, and is now at the
-- University of Bergen, whose live endpoint (the demo institution built into this service) is down for
-- her. The walk-through shows her college results under the name the college had then, and a notice
-- that the University of Bergen could not be reached. Portable SQL for PostgreSQL and H2.
-- The person is fictitious; the national identifier deliberately fails the mod-11 check.

insert into institution (id, schac, erasmus_code, pic, country, name_en, name_nb, url) values
    (3, 'uib.no', 'N BERGEN01', null, 'NO', 'University of Bergen', 'Universitetet i Bergen', 'https://www.uib.no/');
insert into institution (id, schac, erasmus_code, pic, country, name_en, name_nb, url) values
    (4, 'hvl.no', null, null, 'NO', 'Western Norway University of Applied Sciences',
     'Høgskulen på Vestlandet', 'https://www.hvl.no/');

-- Bergen University College until the merger on 1 January 2017.
insert into institution_name_history (id, institution_id, valid_from, valid_until, name_en, name_nb) values
    (1, 4, DATE '1994-08-01', DATE '2017-01-01', 'Bergen University College', 'Høgskolen i Bergen');

insert into grading_scheme (id, institution_id, local_id, description_en, description_nb) values
    (5, 4, 'AF', 'A (excellent) to E (sufficient) are pass grades, F is fail.',
     'A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.');

insert into learner (id, given_names, family_name, birth_date, national_identifier, citizenship) values
    (3, 'Carla', 'Mendes Haugen', DATE '1994-08-24', '24089467890', 'NO');
insert into demo_account (username, password, learner_id) values ('carla', 'demo', 3);

insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (300, 3, 4, null, 1, 'BADAT', 'Degree Programme', 'Bachelor''s programme in Computer Engineering',
     'Bachelorprogram i dataingeniørfag', DATE '2013-08-12', DATE '2016-06-10', 'passed', null, null, null, 'no');
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (301, 3, 4, 300, 1, 'DAT100', 'Course', 'Object-Oriented Programming', 'Objektorientert programmering',
     DATE '2013-08-12', DATE '2013-12-13', 'passed', 'B', 10.0, 'AF', 'no'),
    (302, 3, 4, 300, 2, 'MAT101', 'Course', 'Discrete Mathematics', 'Diskret matematikk',
     DATE '2013-08-12', DATE '2013-12-17', 'passed', 'C', 10.0, 'AF', 'no'),
    (303, 3, 4, 300, 3, 'DAT102', 'Course', 'Algorithms and Data Structures', 'Algoritmer og datastrukturer',
     DATE '2014-01-06', DATE '2014-06-02', 'passed', 'A', 10.0, 'AF', 'no'),
    (304, 3, 4, 300, 4, 'DAT107', 'Course', 'Databases', 'Databaser',
     DATE '2014-08-11', DATE '2014-12-12', 'passed', 'B', 10.0, 'AF', 'no'),
    (305, 3, 4, 300, 5, 'DAT190', 'Course', 'Bachelor Thesis', 'Bacheloroppgave',
     DATE '2016-01-04', DATE '2016-06-10', 'passed', 'A', 20.0, 'AF', 'no');
