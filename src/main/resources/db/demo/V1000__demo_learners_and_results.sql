-- Demo data: two institutions, their grading schemes, two learners with demo logins,
-- and one learner's results (a finished bachelor's degree at UiO, a master's in progress at NTNU).
-- Loaded only in the demo profile (flyway location db/demo). Portable SQL for PostgreSQL and H2.
-- All persons are fictitious; the national identifiers deliberately fail the mod-11 check.

-- Institutions
insert into institution (id, schac, erasmus_code, pic, country, name_en, name_nb, url) values
    (1, 'uio.no', 'N OSLO01', null, 'NO', 'University of Oslo', 'Universitetet i Oslo', 'https://www.uio.no/');
insert into institution (id, schac, erasmus_code, pic, country, name_en, name_nb, url) values
    (2, 'ntnu.no', 'N TRONDHE01', null, 'NO', 'Norwegian University of Science and Technology',
     'Norges teknisk-naturvitenskapelige universitet', 'https://www.ntnu.no/');

-- Grading schemes: the Norwegian A-F scale and pass/fail, per institution
insert into grading_scheme (id, institution_id, local_id, description_en, description_nb) values
    (1, 1, 'AF', 'A (excellent) to E (sufficient) are pass grades, F is fail.',
     'A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.');
insert into grading_scheme (id, institution_id, local_id, description_en, description_nb) values
    (2, 1, 'PF', 'Pass/fail: P is pass, F is fail.',
     'Bestått/Ikke bestått: P er bestått, F er ikke bestått.');
insert into grading_scheme (id, institution_id, local_id, description_en, description_nb) values
    (3, 2, 'AF', 'A (excellent) to E (sufficient) are pass grades, F is fail.',
     'A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.');
insert into grading_scheme (id, institution_id, local_id, description_en, description_nb) values
    (4, 2, 'PF', 'Pass/fail: P is pass, F is fail.',
     'Bestått/Ikke bestått: P er bestått, F er ikke bestått.');

-- Learners
insert into learner (id, given_names, family_name, birth_date, national_identifier, citizenship) values
    (1, 'Anna Kristine', 'Sørbø-Łukasiewicz', DATE '1998-04-17', '17049812345', 'NO');
insert into learner (id, given_names, family_name, birth_date, national_identifier, citizenship) values
    (2, 'Bjørn', 'Ødegård', DATE '1995-11-02', '02119554321', 'NO');

-- Demo login accounts. Plain-text passwords on purpose: demo only, never used in production.
insert into demo_account (username, password, learner_id) values ('anna', 'demo', 1);
insert into demo_account (username, password, learner_id) values ('bjorn', 'demo', 2);

-- Anna at the University of Oslo: finished bachelor's degree, 180 ECTS over six semesters.
-- The credits sit on the courses; the degree itself carries none.
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (100, 1, 1, null, 1, 'B-IFI-PROSA', 'Degree Programme',
     'Bachelor''s programme in Informatics: Programming and System Architecture',
     'Bachelorprogram i informatikk: programmering og systemarkitektur',
     DATE '2017-08-14', DATE '2020-06-15', 'passed', null, null, null, 'no');

insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
-- autumn 2017
    (101, 1, 1, 100, 1, 'EXPHIL03', 'Course', 'Examen philosophicum', 'Examen philosophicum (ex.phil.)',
     DATE '2017-08-14', DATE '2017-12-01', 'passed', 'P', 10.0, 'PF', 'no'),
    (102, 1, 1, 100, 2, 'IN1000', 'Course', 'Introduction to Object-Oriented Programming', 'Innføring i objektorientert programmering',
     DATE '2017-08-14', DATE '2017-12-08', 'passed', 'B', 10.0, 'AF', 'no'),
    (103, 1, 1, 100, 3, 'MAT1100', 'Course', 'Calculus', 'Kalkulus',
     DATE '2017-08-14', DATE '2017-12-12', 'passed', 'C', 10.0, 'AF', 'no'),
-- spring 2018 (including one failed attempt, no credits awarded)
    (104, 1, 1, 100, 4, 'IN1150', 'Course', 'Logical Methods', 'Logiske metoder',
     DATE '2018-01-15', DATE '2018-06-01', 'passed', 'A', 10.0, 'AF', 'no'),
    (105, 1, 1, 100, 5, 'MAT1110', 'Course', 'Calculus and Linear Algebra', 'Kalkulus og lineær algebra',
     DATE '2018-01-15', DATE '2018-06-04', 'failed', 'F', null, 'AF', 'no'),
    (106, 1, 1, 100, 6, 'IN1010', 'Course', 'Object-Oriented Programming', 'Objektorientert programmering',
     DATE '2018-01-15', DATE '2018-06-06', 'passed', 'B', 10.0, 'AF', 'no'),
    (107, 1, 1, 100, 7, 'IN1020', 'Course', 'Introduction to Computer Technology', 'Introduksjon til datateknologi',
     DATE '2018-01-15', DATE '2018-06-11', 'passed', 'C', 10.0, 'AF', 'no'),
-- autumn 2018
    (108, 1, 1, 100, 8, 'IN1050', 'Course', 'Introduction to Design, Use and Interaction', 'Introduksjon til design, bruk og interaksjon',
     DATE '2018-08-20', DATE '2018-12-03', 'passed', 'B', 5.0, 'AF', 'no'),
    (109, 1, 1, 100, 9, 'IN1030', 'Course', 'Systems, Requirements and Software Development', 'Systemer, krav og konstruksjon',
     DATE '2018-08-20', DATE '2018-12-05', 'passed', 'A', 10.0, 'AF', 'no'),
    (110, 1, 1, 100, 10, 'MAT1120', 'Course', 'Linear Algebra', 'Lineær algebra',
     DATE '2018-08-20', DATE '2018-12-10', 'passed', 'D', 10.0, 'AF', 'no'),
    (111, 1, 1, 100, 11, 'IN1060', 'Course', 'Use-Oriented Design', 'Bruksorientert design',
     DATE '2018-08-20', DATE '2018-12-14', 'passed', 'A', 5.0, 'AF', 'no'),
-- spring 2019
    (112, 1, 1, 100, 12, 'IN2090', 'Course', 'Databases and Data Modelling', 'Databaser og datamodellering',
     DATE '2019-01-14', DATE '2019-06-03', 'passed', 'B', 10.0, 'AF', 'no'),
    (113, 1, 1, 100, 13, 'IN2010', 'Course', 'Algorithms and Data Structures', 'Algoritmer og datastrukturer',
     DATE '2019-01-14', DATE '2019-06-05', 'passed', 'C', 10.0, 'AF', 'no'),
    (114, 1, 1, 100, 14, 'STK1100', 'Course', 'Probability and Statistical Modelling', 'Sannsynlighet og statistisk modellering',
     DATE '2019-01-14', DATE '2019-06-11', 'passed', 'E', 10.0, 'AF', 'no'),
-- autumn 2019
    (115, 1, 1, 100, 15, 'IN1140', 'Course', 'Introduction to Language Technology', 'Innføring i språkteknologi',
     DATE '2019-08-19', DATE '2019-12-02', 'passed', 'B', 5.0, 'AF', 'no'),
    (116, 1, 1, 100, 16, 'IN2120', 'Course', 'Information Security', 'Informasjonssikkerhet',
     DATE '2019-08-19', DATE '2019-12-04', 'passed', 'C', 5.0, 'AF', 'no'),
    (117, 1, 1, 100, 17, 'IN2140', 'Course', 'Introduction to Operating Systems and Data Communication', 'Innføring i operativsystemer og datakommunikasjon',
     DATE '2019-08-19', DATE '2019-12-09', 'passed', 'B', 10.0, 'AF', 'no'),
    (118, 1, 1, 100, 18, 'IN3020', 'Course', 'Database Systems', 'Databasesystemer',
     DATE '2019-08-19', DATE '2019-12-13', 'passed', 'A', 10.0, 'AF', 'en'),
-- spring 2020
    (119, 1, 1, 100, 19, 'IN2030', 'Course', 'Programming Project', 'Prosjektoppgave i programmering',
     DATE '2020-01-13', DATE '2020-05-29', 'passed', 'A', 5.0, 'AF', 'no'),
    (120, 1, 1, 100, 20, 'IN3030', 'Course', 'Efficient Parallel Programming', 'Effektiv parallellprogrammering',
     DATE '2020-01-13', DATE '2020-06-03', 'passed', 'B', 7.5, 'AF', 'en'),
    (121, 1, 1, 100, 21, 'IN3120', 'Course', 'Search Technology', 'Søketeknologi',
     DATE '2020-01-13', DATE '2020-06-08', 'passed', 'A', 7.5, 'AF', 'en'),
    (122, 1, 1, 100, 22, 'IN2000', 'Course', 'Software Engineering with Project Work', 'Programvareutvikling med prosjektarbeid',
     DATE '2020-01-13', DATE '2020-06-12', 'passed', 'B', 10.0, 'AF', 'no');

-- Anna at NTNU: master's programme in progress, with a specialisation module below the degree.
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (130, 1, 2, null, 2, 'MIDT', 'Degree Programme',
     'Master''s programme in Computer Science', 'Masterprogram i datateknologi',
     DATE '2020-08-17', null, 'in-progress', null, null, null, 'no');

insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (131, 1, 2, 130, 1, 'TDT4120', 'Course', 'Algorithms and Data Structures', 'Algoritmer og datastrukturer',
     DATE '2020-08-17', DATE '2020-12-04', 'passed', 'B', 7.5, 'AF', 'no'),
    (132, 1, 2, 130, 2, 'TDT4145', 'Course', 'Data Modelling, Databases and Database Management Systems', 'Datamodellering og databasesystemer',
     DATE '2021-01-11', DATE '2021-05-27', 'passed', 'A', 7.5, 'AF', 'no'),
    (133, 1, 2, 130, 3, 'TDT4186', 'Course', 'Operating Systems', 'Operativsystemer',
     DATE '2021-01-11', DATE '2021-06-02', 'passed', 'C', 7.5, 'AF', 'no'),
    (134, 1, 2, 130, 4, 'IT3105', 'Course', 'Artificial Intelligence Programming', 'Programmering av kunstig intelligens',
     DATE '2021-01-11', DATE '2021-06-07', 'passed', 'B', 7.5, 'AF', 'en'),
    (135, 1, 2, 130, 5, 'MIDT-PU', 'Module', 'Specialisation in Software Engineering', 'Spesialisering i programvareutvikling',
     DATE '2021-08-16', null, 'in-progress', null, null, null, 'no');

insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, title_en, title_nb,
        start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (136, 1, 2, 135, 1, 'TDT4237', 'Course', 'Software Security', 'Programvaresikkerhet',
     DATE '2021-08-16', DATE '2021-12-10', 'passed', 'A', 7.5, 'AF', 'en'),
    (137, 1, 2, 135, 2, 'TDT4242', 'Course', 'Advanced Software Engineering', 'Avansert programvareutvikling',
     DATE '2022-01-10', null, 'in-progress', null, null, null, 'en');
