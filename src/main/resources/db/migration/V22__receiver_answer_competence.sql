-- An EMREX 2.0 answer may carry competence evidence (docs/receivers.md): the body exactly as received (base64, so
-- that every byte the X-Signature covers is kept), its X-Signature as received, what the checks found (verified,
-- not_verified, invalid, none, failed), the signature check or the problem in words, and the evidence's learner
-- against the expected person. The normalised credentials are in the answer's results.
alter table receiver_answer add column competence varchar(10000000);
alter table receiver_answer add column competence_signature varchar(4000);
alter table receiver_answer add column competence_state varchar(16);
alter table receiver_answer add column competence_check varchar(1000);
alter table receiver_answer add column competence_learner_match varchar(16);
