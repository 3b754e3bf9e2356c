-- A link that carries credentials has a signed PDF of its own (docs/competence.md, ADR 0871): its results and a
-- section per kind of credential, sealed when the link was made. Base64, as the EMREX 2.0 consent keeps its PDF.
-- Null for a link of results only, whose PDF is the one inside its signed ELMO.
alter table share_link_snapshot add column signed_pdf varchar(10000000);
