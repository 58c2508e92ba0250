-- An account whose password someone else knows (the first administrator's, written to a file at
-- the first start) must choose its own before it can sign in; cleared by the change.
alter table web_account add column must_change_password boolean not null default false;
