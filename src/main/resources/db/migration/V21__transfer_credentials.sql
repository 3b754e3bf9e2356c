-- EMREX 2.0 transfers may carry credentials that ELMO does not hold (docs/competence.md): the ids the student ticked,
-- and the consent's JSON evidence of them, fixed when they confirmed (served as data_format=competence).
alter table emrex_session add column credential_selection varchar(8000);
alter table emrex2_consent add column competence varchar(1000000);
