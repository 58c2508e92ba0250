-- Agents' answers to cases, and mailbox mode.

-- One row per agent answer: who wrote it (kept here, internally, never sent to the citizen:
-- the answer leaves under the service's identity) and the idempotency key it was posted with.
-- The answer itself is an outbound case_message (author 'agent'); its event is ANSWERED.
create table agent_answer (
    id               bigint generated always as identity primary key,
    answer_id        varchar(64)   not null unique,               -- client-supplied or generated; a replay returns the first
    case_id          bigint        not null references citizen_case (id),
    case_message_id  bigint        not null unique references case_message (id),
    agent            varchar(512)  not null,                      -- web account name, or the agent's mailbox address
    channel          varchar(8)    not null,
    recipient        varchar(512)  not null,                      -- the correspondent the answer went to
    recorded_at      timestamptz   not null,
    constraint agent_answer_channel_check check (channel in ('api', 'mailbox'))
);

create index agent_answer_case on agent_answer (case_id);

-- Mailbox mode, per service (guichet.services.<code>.mailbox, .agent-addresses, .mailbox-mode):
-- each citizen message is also forwarded to the service's existing mailbox, and a reply from
-- one of the agent addresses to a case's reply address is relayed as the service's answer.
alter table service add column mailbox varchar(320);
alter table service add column agent_addresses varchar(320)[] not null default '{}';
alter table service add column mailbox_mode boolean not null default false;
alter table service add constraint service_mailbox_mode_check check (not mailbox_mode or mailbox is not null);
