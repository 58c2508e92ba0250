-- Escalations: the flags raised on a case when a clock reaches its warning threshold or its
-- due date, when a citizen writes a third time without a person's answer, or when the date on
-- which silence decides a request approaches (CRPA L231-1, L231-4). Each flag is raised once
-- per (case, kind, metric, clock): the unique key makes raising idempotent across worker
-- nodes, since `insert … on conflict do nothing` lets exactly one of them notify.
create table case_flag (
    id         bigint generated always as identity primary key,
    case_id    bigint        not null references citizen_case (id),
    kind       varchar(40)   not null,
    metric     varchar(24)   not null,     -- SLA metric (first_answer, …), or implicit_decision
    clock      integer       not null,     -- the clock's cycle: 1, or the follow-up number for next_answer
    raised_at  timestamptz   not null,     -- the gateway's clock
    constraint case_flag_kind_check check (kind in ('WARNING', 'BREACH', 'THIRD_MESSAGE_WITHOUT_ANSWER',
                                                    'DECISION_DATE_APPROACHING')),
    constraint case_flag_once unique (case_id, kind, metric, clock)
);

-- The escalation sweep reads open cases page by page in id order.
create index citizen_case_open on citizen_case (id) where status = 'open';
