-- Demo data: two institutions, their grading schemes, two learners with demo logins,
-- and one learner's results (a finished bachelor's degree at UiO, a master's in progress at NTNU).
-- Loaded only in the demo profile (flyway location db/demo). Portable SQL for PostgreSQL and H2.
-- All persons are fictitious; the national identifiers deliberately fail the mod-11 check.
-- Institutions
insert into institution (id, schac, erasmus_code, pic, country, url) values
    (1, 'uio.no', 'N OSLO01', null, 'NO', 'https://www.uio.no/');
insert into institution_name (institution_id, lang, name) values
    (1, 'en', 'University of Oslo'),
    (1, 'nb', 'Universitetet i Oslo');
insert into institution (id, schac, erasmus_code, pic, country, url) values
    (2, 'ntnu.no', 'N TRONDHE01', null, 'NO', 'https://www.ntnu.no/');
insert into institution_name (institution_id, lang, name) values
    (2, 'en', 'Norwegian University of Science and Technology'),
    (2, 'nb', 'Norges teknisk-naturvitenskapelige universitet');
-- Grading schemes: the Norwegian A-F scale and pass/fail, per institution
insert into grading_scheme (id, institution_id, local_id) values
    (1, 1, 'AF');
insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (1, 'en', 'A (excellent) to E (sufficient) are pass grades, F is fail.'),
    (1, 'nb', 'A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.');
insert into grading_scheme (id, institution_id, local_id) values
    (2, 1, 'PF');
insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (2, 'en', 'Pass/fail: P is pass, F is fail.'),
    (2, 'nb', 'Bestått/Ikke bestått: P er bestått, F er ikke bestått.');
insert into grading_scheme (id, institution_id, local_id) values
    (3, 2, 'AF');
insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (3, 'en', 'A (excellent) to E (sufficient) are pass grades, F is fail.'),
    (3, 'nb', 'A (fremragende) til E (tilstrekkelig) er bestått, F er ikke bestått.');
insert into grading_scheme (id, institution_id, local_id) values
    (4, 2, 'PF');
insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (4, 'en', 'Pass/fail: P is pass, F is fail.'),
    (4, 'nb', 'Bestått/Ikke bestått: P er bestått, F er ikke bestått.');

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
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (100, 1, 1, null, 1, 'B-IFI-PROSA', 'Degree Programme', DATE '2017-08-14', DATE '2020-06-15', 'passed', null, null, null, 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (100, 'en', 'Bachelor''s programme in Informatics: Programming and System Architecture'),
    (100, 'nb', 'Bachelorprogram i informatikk: programmering og systemarkitektur');
-- autumn 2017
-- spring 2018 (including one failed attempt, no credits awarded)
-- autumn 2018
-- spring 2019
-- autumn 2019
-- spring 2020
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (101, 1, 1, 100, 1, 'EXPHIL03', 'Course', DATE '2017-08-14', DATE '2017-12-01', 'passed', 'P', 10.0, 'PF', 'no'),
    (102, 1, 1, 100, 2, 'IN1000', 'Course', DATE '2017-08-14', DATE '2017-12-08', 'passed', 'B', 10.0, 'AF', 'no'),
    (103, 1, 1, 100, 3, 'MAT1100', 'Course', DATE '2017-08-14', DATE '2017-12-12', 'passed', 'C', 10.0, 'AF', 'no'),
    (104, 1, 1, 100, 4, 'IN1150', 'Course', DATE '2018-01-15', DATE '2018-06-01', 'passed', 'A', 10.0, 'AF', 'no'),
    (105, 1, 1, 100, 5, 'MAT1110', 'Course', DATE '2018-01-15', DATE '2018-06-04', 'failed', 'F', null, 'AF', 'no'),
    (106, 1, 1, 100, 6, 'IN1010', 'Course', DATE '2018-01-15', DATE '2018-06-06', 'passed', 'B', 10.0, 'AF', 'no'),
    (107, 1, 1, 100, 7, 'IN1020', 'Course', DATE '2018-01-15', DATE '2018-06-11', 'passed', 'C', 10.0, 'AF', 'no'),
    (108, 1, 1, 100, 8, 'IN1050', 'Course', DATE '2018-08-20', DATE '2018-12-03', 'passed', 'B', 5.0, 'AF', 'no'),
    (109, 1, 1, 100, 9, 'IN1030', 'Course', DATE '2018-08-20', DATE '2018-12-05', 'passed', 'A', 10.0, 'AF', 'no'),
    (110, 1, 1, 100, 10, 'MAT1120', 'Course', DATE '2018-08-20', DATE '2018-12-10', 'passed', 'D', 10.0, 'AF', 'no'),
    (111, 1, 1, 100, 11, 'IN1060', 'Course', DATE '2018-08-20', DATE '2018-12-14', 'passed', 'A', 5.0, 'AF', 'no'),
    (112, 1, 1, 100, 12, 'IN2090', 'Course', DATE '2019-01-14', DATE '2019-06-03', 'passed', 'B', 10.0, 'AF', 'no'),
    (113, 1, 1, 100, 13, 'IN2010', 'Course', DATE '2019-01-14', DATE '2019-06-05', 'passed', 'C', 10.0, 'AF', 'no'),
    (114, 1, 1, 100, 14, 'STK1100', 'Course', DATE '2019-01-14', DATE '2019-06-11', 'passed', 'E', 10.0, 'AF', 'no'),
    (115, 1, 1, 100, 15, 'IN1140', 'Course', DATE '2019-08-19', DATE '2019-12-02', 'passed', 'B', 5.0, 'AF', 'no'),
    (116, 1, 1, 100, 16, 'IN2120', 'Course', DATE '2019-08-19', DATE '2019-12-04', 'passed', 'C', 5.0, 'AF', 'no'),
    (117, 1, 1, 100, 17, 'IN2140', 'Course', DATE '2019-08-19', DATE '2019-12-09', 'passed', 'B', 10.0, 'AF', 'no'),
    (118, 1, 1, 100, 18, 'IN3020', 'Course', DATE '2019-08-19', DATE '2019-12-13', 'passed', 'A', 10.0, 'AF', 'en'),
    (119, 1, 1, 100, 19, 'IN2030', 'Course', DATE '2020-01-13', DATE '2020-05-29', 'passed', 'A', 5.0, 'AF', 'no'),
    (120, 1, 1, 100, 20, 'IN3030', 'Course', DATE '2020-01-13', DATE '2020-06-03', 'passed', 'B', 7.5, 'AF', 'en'),
    (121, 1, 1, 100, 21, 'IN3120', 'Course', DATE '2020-01-13', DATE '2020-06-08', 'passed', 'A', 7.5, 'AF', 'en'),
    (122, 1, 1, 100, 22, 'IN2000', 'Course', DATE '2020-01-13', DATE '2020-06-12', 'passed', 'B', 10.0, 'AF', 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (101, 'en', 'Examen philosophicum'),
    (101, 'nb', 'Examen philosophicum (ex.phil.)'),
    (102, 'en', 'Introduction to Object-Oriented Programming'),
    (102, 'nb', 'Innføring i objektorientert programmering'),
    (103, 'en', 'Calculus'),
    (103, 'nb', 'Kalkulus'),
    (104, 'en', 'Logical Methods'),
    (104, 'nb', 'Logiske metoder'),
    (105, 'en', 'Calculus and Linear Algebra'),
    (105, 'nb', 'Kalkulus og lineær algebra'),
    (106, 'en', 'Object-Oriented Programming'),
    (106, 'nb', 'Objektorientert programmering'),
    (107, 'en', 'Introduction to Computer Technology'),
    (107, 'nb', 'Introduksjon til datateknologi'),
    (108, 'en', 'Introduction to Design, Use and Interaction'),
    (108, 'nb', 'Introduksjon til design, bruk og interaksjon'),
    (109, 'en', 'Systems, Requirements and Software Development'),
    (109, 'nb', 'Systemer, krav og konstruksjon'),
    (110, 'en', 'Linear Algebra'),
    (110, 'nb', 'Lineær algebra'),
    (111, 'en', 'Use-Oriented Design'),
    (111, 'nb', 'Bruksorientert design'),
    (112, 'en', 'Databases and Data Modelling'),
    (112, 'nb', 'Databaser og datamodellering'),
    (113, 'en', 'Algorithms and Data Structures'),
    (113, 'nb', 'Algoritmer og datastrukturer'),
    (114, 'en', 'Probability and Statistical Modelling'),
    (114, 'nb', 'Sannsynlighet og statistisk modellering'),
    (115, 'en', 'Introduction to Language Technology'),
    (115, 'nb', 'Innføring i språkteknologi'),
    (116, 'en', 'Information Security'),
    (116, 'nb', 'Informasjonssikkerhet'),
    (117, 'en', 'Introduction to Operating Systems and Data Communication'),
    (117, 'nb', 'Innføring i operativsystemer og datakommunikasjon'),
    (118, 'en', 'Database Systems'),
    (118, 'nb', 'Databasesystemer'),
    (119, 'en', 'Programming Project'),
    (119, 'nb', 'Prosjektoppgave i programmering'),
    (120, 'en', 'Efficient Parallel Programming'),
    (120, 'nb', 'Effektiv parallellprogrammering'),
    (121, 'en', 'Search Technology'),
    (121, 'nb', 'Søketeknologi'),
    (122, 'en', 'Software Engineering with Project Work'),
    (122, 'nb', 'Programvareutvikling med prosjektarbeid');
-- Anna at NTNU: master's programme in progress, with a specialisation module below the degree.
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (130, 1, 2, null, 2, 'MIDT', 'Degree Programme', DATE '2020-08-17', null, 'in-progress', null, null, null, 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (130, 'en', 'Master''s programme in Computer Science'),
    (130, 'nb', 'Masterprogram i datateknologi');
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (131, 1, 2, 130, 1, 'TDT4120', 'Course', DATE '2020-08-17', DATE '2020-12-04', 'passed', 'B', 7.5, 'AF', 'no'),
    (132, 1, 2, 130, 2, 'TDT4145', 'Course', DATE '2021-01-11', DATE '2021-05-27', 'passed', 'A', 7.5, 'AF', 'no'),
    (133, 1, 2, 130, 3, 'TDT4186', 'Course', DATE '2021-01-11', DATE '2021-06-02', 'passed', 'C', 7.5, 'AF', 'no'),
    (134, 1, 2, 130, 4, 'IT3105', 'Course', DATE '2021-01-11', DATE '2021-06-07', 'passed', 'B', 7.5, 'AF', 'en'),
    (135, 1, 2, 130, 5, 'MIDT-PU', 'Module', DATE '2021-08-16', null, 'in-progress', null, null, null, 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (131, 'en', 'Algorithms and Data Structures'),
    (131, 'nb', 'Algoritmer og datastrukturer'),
    (132, 'en', 'Data Modelling, Databases and Database Management Systems'),
    (132, 'nb', 'Datamodellering og databasesystemer'),
    (133, 'en', 'Operating Systems'),
    (133, 'nb', 'Operativsystemer'),
    (134, 'en', 'Artificial Intelligence Programming'),
    (134, 'nb', 'Programmering av kunstig intelligens'),
    (135, 'en', 'Specialisation in Software Engineering'),
    (135, 'nb', 'Spesialisering i programvareutvikling');
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (136, 1, 2, 135, 1, 'TDT4237', 'Course', DATE '2021-08-16', DATE '2021-12-10', 'passed', 'A', 7.5, 'AF', 'en'),
    (137, 1, 2, 135, 2, 'TDT4242', 'Course', DATE '2022-01-10', null, 'in-progress', null, null, null, 'en');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (136, 'en', 'Software Security'),
    (136, 'nb', 'Programvaresikkerhet'),
    (137, 'en', 'Advanced Software Engineering'),
    (137, 'nb', 'Avansert programvareutvikling');
