-- The case lifecycle: statuses, assignment, transfer, internal notes, and web accounts that
-- belong to services. Every change is also an event of the hash-chained case_event log; the
-- columns here are the current state, the log is the evidence.

-- new: nobody has taken it yet; open: a person works on it; waiting_citizen: the service waits
-- for the citizen (the SLA clocks pause); answered: a person answered; closed.
alter table citizen_case drop constraint citizen_case_status_check;
alter table citizen_case alter column status type varchar(16);
alter table citizen_case alter column status set default 'new';
alter table citizen_case add constraint citizen_case_status_check
    check (status in ('new', 'open', 'waiting_citizen', 'answered', 'closed'));

-- The escalation sweep reads every case that is not closed.
drop index citizen_case_open;
create index citizen_case_open on citizen_case (id) where status <> 'closed';

-- Web accounts a case is assigned to; null when unassigned. Accounts are never deleted, only
-- disabled, so the reference stays valid for the evidence.
alter table citizen_case add column assignee_id bigint references web_account (id);
create index citizen_case_assignee on citizen_case (assignee_id) where status <> 'closed';

-- The services whose cases an account sees and acts on (agents, supervisors). Admins and
-- auditors need none.
create table web_account_service (
    account_id  bigint  not null references web_account (id),
    service_id  bigint  not null references service (id),
    primary key (account_id, service_id)
);

create index web_account_service_service on web_account_service (service_id);

-- Internal notes: never sent to the citizen. The text is also in the NOTE_ADDED event.
create table case_note (
    id          bigint generated always as identity primary key,
    case_id     bigint        not null references citizen_case (id),
    author      varchar(128)  not null,                       -- web account name
    body        text          not null,
    written_at  timestamptz   not null                        -- the gateway's clock
);

create index case_note_case on case_note (case_id, written_at);

-- The letter telling a citizen which service now holds the request (CRPA L114-2) is an
-- outbound case message of its own kind: it is no person's answer and stops no clock.
alter table case_message drop constraint case_message_author_check;
alter table case_message add constraint case_message_author_check
    check (author_kind in ('citizen', 'third_party', 'automatic', 'agent', 'acknowledgement', 'notice'));
