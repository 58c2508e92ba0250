-- Auditor reports and event-log verification runs (org.guichet.audit).

-- Monthly reports find the month's messages by time: citizens' and automatic messages
-- (RECEIVED), and the official messages rewritten (conversation.accepted_at).
create index case_event_received_at on case_event (occurred_at) where type = 'RECEIVED';
create index conversation_accepted_at on conversation (accepted_at);

-- Each run of the event-log verification (`guichet audit verify`, or a report asking for a
-- fresh one). A report states the latest run and how many events were appended after it,
-- so a report over millions of events need not read the whole chain again. Append-only, like
-- the log: a run once recorded is evidence. The head hash is also to be kept outside the
-- database (docs/auditor-guide.md): a rewrite of the whole chain is caught only that way.
create table audit_verification (
    id               bigint generated always as identity primary key,
    verified_at      timestamptz   not null,             -- the gateway's clock when the run ended
    events_checked   bigint        not null,
    head_hash        varchar(64)   not null,             -- hex SHA-256 at the end of the chain read
    intact           boolean       not null,
    break_event_id   bigint,
    break_case       varchar(32),
    break_seq        integer,
    break_reason     varchar(16),
    break_detail     text,
    constraint audit_verification_break_check check (intact = (break_reason is null))
);

create function audit_verification_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_verification is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_verification_append_only
    before update or delete on audit_verification
    for each row execute function audit_verification_append_only();

create trigger audit_verification_no_truncate
    before truncate on audit_verification
    for each statement execute function audit_verification_append_only();
