-- Identifiers for the demo learners as the test identity providers present them.
insert into learner_identifier (scheme, identifier, learner_id) values ('feide', 'anna@uio.no', 1);
insert into learner_identifier (scheme, identifier, learner_id) values ('esi', 'urn:schac:personalUniqueCode:int:esi:uio.no:anna', 1);
insert into learner_identifier (scheme, identifier, learner_id) values ('feide', 'bjorn@ntnu.no', 2);
