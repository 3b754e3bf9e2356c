-- The tabular (CSV) import format is recorded like the JSON and ELMO imports.
alter table result_import drop constraint result_import_format_check;
alter table result_import add constraint result_import_format_check check (format in ('elmo', 'json', 'csv'));
