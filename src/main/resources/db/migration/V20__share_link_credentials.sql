-- A share link may carry credentials (docs/competence.md): their evidence as signed at creation (the JSON evidence
-- format, its X-Signature beside it). A link of credentials only has no ELMO document.
alter table share_link_snapshot add column competence varchar(1000000);
alter table share_link_snapshot add column competence_signature varchar(4000);
alter table share_link_snapshot alter column signed_elmo drop not null;
