-- Demo data for the richer ELMO fields of V2: academic terms, levels, workload, result identifiers,
-- grade distributions, names in nynorsk, an ESI for Anna and the Diploma Supplement of her UiO degree.
-- Portable SQL for PostgreSQL and H2. All persons and documents are fictitious.

update learner set esi = 'urn:schac:personalUniqueCode:int:esi:uio.no:104711' where id = 1;

insert into institution_name (institution_id, lang, name) values (1, 'nn', 'Universitetet i Oslo');
insert into institution_name (institution_id, lang, name) values
    (2, 'nn', 'Noregs teknisk-naturvitskaplege universitet');

insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (1, 'nn', 'A (framifrå) til E (tilstrekkeleg) er bestått, F er ikkje bestått.');
insert into grading_scheme_description (grading_scheme_id, lang, description) values
    (3, 'nn', 'A (framifrå) til E (tilstrekkeleg) er bestått, F er ikkje bestått.');

insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (100, 'nn', 'Bachelorprogram i informatikk: programmering og systemarkitektur');
insert into learning_opportunity_title (learning_opportunity_id, lang, title) values
    (101, 'la', 'Examen philosophicum');
-- Terms: UiO autumn terms run mid-August to December, spring terms January to June
insert into academic_term (id, institution_id, start_date, end_date) values
    (1, 1, DATE '2017-08-14', DATE '2017-12-31'),
    (2, 1, DATE '2018-01-01', DATE '2018-06-30'),
    (3, 1, DATE '2018-08-20', DATE '2018-12-31'),
    (4, 1, DATE '2019-01-01', DATE '2019-06-30'),
    (5, 1, DATE '2019-08-19', DATE '2019-12-31'),
    (6, 1, DATE '2020-01-01', DATE '2020-06-30'),
    (11, 2, DATE '2020-08-17', DATE '2020-12-31'),
    (12, 2, DATE '2021-01-01', DATE '2021-06-30'),
    (13, 2, DATE '2021-08-16', DATE '2021-12-31'),
    (14, 2, DATE '2022-01-01', DATE '2022-06-30');
insert into academic_term_title (academic_term_id, lang, title) values
    (1, 'en', 'Autumn 2017'),
    (1, 'nb', 'Høst 2017'),
    (2, 'en', 'Spring 2018'),
    (2, 'nb', 'Vår 2018'),
    (3, 'en', 'Autumn 2018'),
    (3, 'nb', 'Høst 2018'),
    (4, 'en', 'Spring 2019'),
    (4, 'nb', 'Vår 2019'),
    (5, 'en', 'Autumn 2019'),
    (5, 'nb', 'Høst 2019'),
    (6, 'en', 'Spring 2020'),
    (6, 'nb', 'Vår 2020'),
    (11, 'en', 'Autumn 2020'),
    (11, 'nb', 'Høst 2020'),
    (12, 'en', 'Spring 2021'),
    (12, 'nb', 'Vår 2021'),
    (13, 'en', 'Autumn 2021'),
    (13, 'nb', 'Høst 2021'),
    (14, 'en', 'Spring 2022'),
    (14, 'nb', 'Vår 2022');

update learning_opportunity set academic_term_id = 1 where id in (101, 102, 103);
update learning_opportunity set academic_term_id = 2 where id in (104, 105, 106, 107);
update learning_opportunity set academic_term_id = 3 where id in (108, 109, 110, 111);
update learning_opportunity set academic_term_id = 4 where id in (112, 113, 114);
update learning_opportunity set academic_term_id = 5 where id in (115, 116, 117, 118);
update learning_opportunity set academic_term_id = 6 where id in (119, 120, 121, 122);
update learning_opportunity set academic_term_id = 11 where id = 131;
update learning_opportunity set academic_term_id = 12 where id in (132, 133, 134);
update learning_opportunity set academic_term_id = 13 where id = 136;
update learning_opportunity set academic_term_id = 14 where id = 137;

-- The register writes credits with one decimal (7.5, 10.0); one ECTS credit is 25-30 hours of work
update learning_opportunity set ects_scale = 1 where ects_credits is not null;
update learning_opportunity set engagement_hours = ects_credits * 27 where ects_credits is not null;
-- Levels of the two degrees: EQF and the Norwegian qualifications framework
insert into learning_opportunity_level (learning_opportunity_id, sort_order, level_type, level_value) values
    (100, 1, 'EQF', '6'),
    (100, 2, 'NQF-NO', '6'),
    (130, 1, 'EQF', '7'),
    (130, 2, 'NQF-NO', '7');
insert into learning_opportunity_level_description (learning_opportunity_id, sort_order, lang, description) values
    (100, 1, 'en', 'Bachelor''s degree level'),
    (100, 1, 'nb', 'Bachelornivå'),
    (100, 2, 'en', 'Norwegian qualifications framework, first cycle'),
    (100, 2, 'nb', 'Nasjonalt kvalifikasjonsrammeverk, første syklus'),
    (130, 1, 'en', 'Master''s degree level'),
    (130, 1, 'nb', 'Masternivå'),
    (130, 2, 'en', 'Norwegian qualifications framework, second cycle'),
    (130, 2, 'nb', 'Nasjonalt kvalifikasjonsrammeverk, andre syklus');

insert into result_identifier (learning_opportunity_id, id_type, id_value) values
    (100, 'diplomaNumber', 'UIO-BA-2020-104711');

-- Grade distribution of two UiO courses in the term Anna took them (failed students included)
update learning_opportunity set percentage_lower = 41.62, percentage_equal = 28.43, percentage_higher = 29.95
    where id = 113;
insert into result_distribution_description (learning_opportunity_id, lang, description) values
    (113, 'en', 'All candidates who sat the exam in spring 2019.'),
    (113, 'nb', 'Alle kandidater som tok eksamen våren 2019.');
insert into result_distribution_category (learning_opportunity_id, sort_order, label, student_count) values
    (113, 1, 'A', 41), (113, 2, 'B', 77), (113, 3, 'C', 112), (113, 4, 'D', 69), (113, 5, 'E', 38), (113, 6, 'F', 57);
update learning_opportunity set percentage_lower = 81.25, percentage_equal = 18.75, percentage_higher = 0.00
    where id = 121;
insert into result_distribution_category (learning_opportunity_id, sort_order, label, student_count) values
    (121, 1, 'A', 15), (121, 2, 'B', 25), (121, 3, 'C', 22), (121, 4, 'D', 9), (121, 5, 'E', 4), (121, 6, 'F', 5);
-- The Diploma Supplement UiO issued with Anna's bachelor's degree (a small demonstration PDF)
insert into source_attachment (id, learning_opportunity_id, local_id, attachment_type, media_type, content_base64) values
    (1, 100, 'DS-B-IFI-PROSA', 'Diploma Supplement', 'application/pdf', 'JVBERi0xLjYKJfbk/N8KMSAwIG9iago8PAovVHlwZSAvQ2F0YWxvZwovVmVyc2lvbiAvMS42Ci9QYWdlcyAzIDAgUgo+PgplbmRvYmoKNiAwIG9iago8PAovTGVuZ3RoIDE3NgovRmlsdGVyIC9GbGF0ZURlY29kZQo+PgpzdHJlYW0NCnicNc67DsIwDIXhPU9xNsrApRWCgQ0BEhMDYWOpGheMkriKUyTenrYSs/V/xwdrVucS5Qa2NbsKu2oN60xx5M5LqHHru85ToJjxKBwFiZpTnVkinDT9eHjM57Bvs8ai2ozt5JWjV9wjfygp5y+kxVW9YIFD3bzIS5opuiTPVIdA4IhLbCWFwW70D5bb6ZkzN5mHzV7xEu8o7cGqPTkMBTJp5viERP9dTuXJmh863ES0DQplbmRzdHJlYW0KZW5kb2JqCjkgMCBvYmoKPDwKL0xlbmd0aCAyMjIKL1R5cGUgL09ialN0bQovTiA2Ci9GaWx0ZXIgL0ZsYXRlRGVjb2RlCi9GaXJzdCAzMgo+PgpzdHJlYW0NCnicZU/RasJAEPyVedSXbi6JGkGEapVCKRQt9EF9uCaLHCR3wbuU9u+7d4G20IddmNnZmd0cGQqUOUpUJWZQlcICalmhQq4KrFb0akLLmDyYvnWdxnHo+5Y7tgHnScOdO0+nWK+T8qtn0Iu+sgc9mcbjVIr/ARfQ1g2yof4pQc/cGL1xnzhldxlizVUufbGM/RJlt5hWJCs6sHfDrZaI2UhsnQ0y95gnPAbshZRH/hBKPvqF4wFJRcfhPSQYSQXaaM/j5JHbDw6m1qCdrV1j7BX0Zuy99eaHEMNvvUVbbw0KZW5kc3RyZWFtCmVuZG9iagoxMCAwIG9iago8PAovTGVuZ3RoIDQyCi9Sb290IDEgMCBSCi9JbmZvIDIgMCBSCi9JRCBbPEEyNDc5MTcxMzZDNjRDQTZCN0QzRjZGNTg0MDg5RDNCQkRFRDI0QzlDODhDRkUyRTJBRENEQUQ4QkVDQTZBNjE+IDxBMjQ3OTE3MTM2QzY0Q0E2QjdEM0Y2RjU4NDA4OUQzQkJERUQyNEM5Qzg4Q0ZFMkUyQURDREFEOEJFQ0E2QTYxPl0KL1R5cGUgL1hSZWYKL1NpemUgMTEKL0luZGV4IFswIDExXQovVyBbMSAyIDFdCi9GaWx0ZXIgL0ZsYXRlRGVjb2RlCj4+CnN0cmVhbQ0KeJwVx7EBABAUQ8GXoFBZS2UzM5NfXHHAEwszi8LRxKn3GNJGvnw6twKKDQplbmRzdHJlYW0KZW5kb2JqCnN0YXJ0eHJlZgo2NTMKJSVFT0YK');
insert into source_attachment_title (source_attachment_id, lang, title) values
    (1, 'en', 'Diploma Supplement'),
    (1, 'nb', 'Vitnemålstillegg');
