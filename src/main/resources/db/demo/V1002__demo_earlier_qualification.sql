-- Demo data for the order of qualifications: before her bachelor's degree Carla (login carla / demo) took a
-- one-year programme at Bergen University College. The college lists it first; the pages show the newest
-- qualification first. Every result of hers at the college was taught in Norwegian, which the pages say once.
-- Portable SQL for PostgreSQL and H2. The person is fictitious.

insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (310, 3, 4, null, 0, 'ARMAT', 'Degree Programme', DATE '2012-08-13', DATE '2013-06-14', 'passed', null, null, null, 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (310, 'en', 'One-year programme in Mathematics'),
    (310, 'nb', 'Årsstudium i matematikk');
insert into learning_opportunity (id, learner_id, institution_id, parent_id, sort_order, code, lo_type, start_date, result_date, status, grade, ects_credits, grading_scheme_local_id, language_of_instruction) values
    (311, 3, 4, 310, 1, 'MAT110', 'Course', DATE '2012-08-13', DATE '2012-12-14', 'passed', 'C', 30.0, 'AF', 'no'),
    (312, 3, 4, 310, 2, 'MAT120', 'Course', DATE '2013-01-07', DATE '2013-06-14', 'passed', 'B', 30.0, 'AF', 'no');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (311, 'en', 'Calculus I'),
    (311, 'nb', 'Kalkulus I'),
    (312, 'en', 'Linear Algebra I'),
    (312, 'nb', 'Lineær algebra I');
