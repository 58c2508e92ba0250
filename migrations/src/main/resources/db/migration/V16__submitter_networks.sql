-- The client networks a submitting application may authenticate from (CIDR, comma-separated);
-- empty for anywhere, as before.
alter table submission_account add column allowed_networks text not null default '';
