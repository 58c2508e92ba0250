-- Acknowledgements of receipt (accusé de réception, CRPA L112-11, R112-11-1).

-- What two months of silence mean for a service's requests (CRPA L231-1 acceptance, L231-4
-- rejection), and the recourse its acknowledgements state when silence means rejection
-- (French, English; null: Guichet's standard wording). Written at start from
-- guichet.acknowledgement.services.<code>.* when set there, else left as they are.
alter table service add column implicit_decision varchar(16) not null default 'NONE';
alter table service add constraint service_implicit_decision_check
    check (implicit_decision in ('NONE', 'ACCEPTANCE', 'REJECTION'));
alter table service add column recourse text;
alter table service add column recourse_english text;

-- One row per acknowledgement sent, keyed by the message it acknowledges: the pipeline runs
-- at least once, and a replay must find what was already decided and sent. The exact bytes
-- are kept (evidence that a compliant acknowledgement left, CRPA L112-6); the case view
-- shows it as a case_message of author 'acknowledgement'.
create table acknowledgement (
    id                 bigint generated always as identity primary key,
    case_id            bigint        not null references citizen_case (id),
    case_message_id    bigint        not null references case_message (id),
    inbound_queue_id   varchar(24)   not null unique,   -- spool message of the message acknowledged
    recipient          varchar(512)  not null,          -- its envelope sender, lower case
    received_at        timestamptz   not null,          -- the gateway's reception of the message acknowledged
    sent_at            timestamptz   not null,          -- the gateway's clock when the acknowledgement was spooled
    message_id         varchar(998)  not null,
    implicit_decision  varchar(16)   not null,
    decision_date      date,                            -- receipt date + 2 months when silence decides
    raw                bytea         not null,
    constraint acknowledgement_implicit_decision_check
        check (implicit_decision in ('NONE', 'ACCEPTANCE', 'REJECTION'))
);

create index acknowledgement_case_recipient on acknowledgement (case_id, recipient, received_at);
create index acknowledgement_recipient on acknowledgement (recipient, received_at);
