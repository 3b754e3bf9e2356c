-- Demo data of "My competence" (docs/competence.md): Anna's upper-secondary diploma (exempted from the second written
-- Norwegian) and driving licence; Dagny
-- (login dagny / demo), a carpenter with a journeyman certificate whose authorisation as a health worker was revoked;
-- Carla's recognition decision on a degree she took abroad. Portable SQL for PostgreSQL and H2. The people are fictitious.

insert into learner (id, given_names, family_name, birth_date, national_identifier, citizenship) values
    (4, 'Dagny Márjá', 'Eriksen Utsi', DATE '1990-03-05', '05039011111', 'NO');
insert into demo_account (username, password, learner_id) values ('dagny', 'demo', 4);

insert into credential (id, learner_id, source, source_key, kind, title, issuer_name, issuer_country, issuer_id, issued_on, number, valid_from, valid_to, status, status_since, details, content_hash, imported_at, updated_at) values
    ('9d7c2a10-0000-4000-8000-000000000001', 1, 'demo-vigo', 'VM-2017-0001', 'upper-secondary',
     '{"en":"Upper-secondary diploma, general studies","nb":"Vitnemål for videregående opplæring, studiespesialisering","nn":"Vitnemål for vidaregåande opplæring, studiespesialisering","se":"Joatkkaskuvlla duođaštus, studerenspesialiseren"}',
     'Oslo katedralskole, Oslo kommune', 'NO', '974590018', DATE '2017-06-21', null, null, null, 'valid', DATE '2017-06-21',
     '{"programme":{"en":"General studies","nb":"Studiespesialisering","nn":"Studiespesialisering","se":"Studerenspesialiseren"},"subjects":['
     || '{"code":"NOR1211","title":{"en":"Norwegian, first written language","nb":"Norsk hovedmål","nn":"Norsk hovudmål"},"grade":"5","scale":"1-6","hours":393,"assessment":"overall"},'
     || '{"code":"NOR1211","title":{"en":"Norwegian, first written language","nb":"Norsk hovedmål","nn":"Norsk hovudmål"},"grade":"4","scale":"1-6","assessment":"written-exam"},'
     || '{"code":"NOR1212","title":{"en":"Norwegian, second written language","nb":"Norsk sidemål","nn":"Norsk sidemål"},"grade":"exempt","scale":"1-6","assessment":"written-exam"},'
     || '{"code":"ENG1007","title":{"en":"English","nb":"Engelsk","nn":"Engelsk","se":"Eŋgelasgiella"},"grade":"6","scale":"1-6","hours":140,"assessment":"overall"},'
     || '{"code":"REA3022","title":{"en":"Mathematics R1","nb":"Matematikk R1","nn":"Matematikk R1","se":"Matematihkka R1"},"grade":"4","scale":"1-6","hours":140,"assessment":"overall"},'
     || '{"code":"REA3024","title":{"en":"Mathematics R2","nb":"Matematikk R2","nn":"Matematikk R2","se":"Matematihkka R2"},"grade":"5","scale":"1-6","hours":140,"assessment":"written-exam"},'
     || '{"code":"KRO1019","title":{"en":"Physical education","nb":"Kroppsøving","nn":"Kroppsøving"},"grade":"passed","scale":"pass-fail","hours":168,"assessment":"overall"}]}',
     'demo', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8000-000000000002', 1, 'demo-vegvesen', 'FK-100200300', 'licence',
     '{"en":"Driving licence","nb":"Førerkort","nn":"Førarkort","se":"Vuodjinkoarta"}',
     'Statens vegvesen', 'NO', '971032081', DATE '2016-05-10', '100200300', DATE '2016-05-10', DATE '2031-05-10', 'valid', DATE '2016-05-10',
     '{"categories":[{"category":"AM146","validFrom":"2014-06-02","validTo":"2068-04-17"},{"category":"B","validFrom":"2016-05-10","validTo":"2068-04-17","restrictions":["01.06"]}]}',
     'demo', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8000-000000000003', 4, 'demo-vigo', 'SV-2012-0042', 'vocational',
     '{"en":"Journeyman certificate, carpentry","nb":"Svennebrev, tømrerfaget","nn":"Sveinebrev, tømrarfaget","se":"Sveaidnareive, hirsafága"}',
     'Troms fylkeskommune', 'NO', '930068128', DATE '2012-06-15', 'SV-2012-0042', null, null, 'valid', DATE '2012-06-15',
     '{"trade":{"en":"Carpentry","nb":"Tømrerfaget","nn":"Tømrarfaget","se":"Hirsafága"},"examiningBoard":"Prøvenemnda for tømrerfaget i Troms","county":"Troms"}',
     'demo', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8000-000000000004', 4, 'demo-hpr', 'HPR-9876543', 'authorisation',
     '{"en":"Authorisation as health worker","nb":"Autorisasjon som helsefagarbeider","nn":"Autorisasjon som helsefagarbeidar","se":"Autorisašuvdna dearvvašvuođafágabargin"}',
     'Helsedirektoratet', 'NO', '983544622', DATE '2014-01-10', '9876543', DATE '2014-01-10', null, 'revoked', DATE '2023-09-01',
     '{"profession":{"en":"Health worker","nb":"Helsefagarbeider","nn":"Helsefagarbeidar","se":"Dearvvašvuođafágabargi"},"scheme":"HPR"}',
     'demo', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8000-000000000005', 3, 'demo-hkdir', 'HKDIR-2019-5512', 'recognition',
     '{"en":"General recognition of foreign higher education","nb":"Generell godkjenning av utenlandsk høyere utdanning","nn":"Generell godkjenning av utanlandsk høgare utdanning"}',
     'Direktoratet for høyere utdanning og kompetanse (HK-dir)', 'NO', '986328882', DATE '2019-03-12', '19/05512', null, null, 'valid', DATE '2019-03-12',
     '{"foreignQualification":{"en":"Bachelor of Science (Hons) in Computing, University of Edinburgh"},"foreignCountry":"GB","decision":{"en":"Equivalent to a Norwegian bachelor''s degree of 180 credits","nb":"Tilsvarer en norsk bachelorgrad på 180 studiepoeng","nn":"Svarar til ein norsk bachelorgrad på 180 studiepoeng"},"equivalence":"bachelor","creditsGranted":180}',
     'demo', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00');

insert into credential_status_change (id, credential_id, status, since, reason, recorded_at) values
    ('9d7c2a10-0000-4000-8001-000000000001', '9d7c2a10-0000-4000-8000-000000000001', 'valid', DATE '2017-06-21', null, TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8001-000000000002', '9d7c2a10-0000-4000-8000-000000000002', 'valid', DATE '2016-05-10', null, TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8001-000000000003', '9d7c2a10-0000-4000-8000-000000000003', 'valid', DATE '2012-06-15', null, TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8001-000000000004', '9d7c2a10-0000-4000-8000-000000000004', 'valid', DATE '2014-01-10', null, TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00'),
    ('9d7c2a10-0000-4000-8001-000000000005', '9d7c2a10-0000-4000-8000-000000000004', 'revoked', DATE '2023-09-01', 'Decision of the Norwegian Board of Health Supervision', TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:01+00'),
    ('9d7c2a10-0000-4000-8001-000000000006', '9d7c2a10-0000-4000-8000-000000000005', 'valid', DATE '2019-03-12', null, TIMESTAMP WITH TIME ZONE '2024-01-15 10:00:00+00');
