-- SLA policy versions per service. A version applies from effective_from until the next
-- version's date; a clock keeps the version in force at the event that started it, so a
-- version is never changed once stored: a new one is added (see org.guichet.sla).
-- A service without any version follows the configured default (guichet.sla.*).
create table sla_policy (
    id                      bigint generated always as identity primary key,
    service_code            varchar(64)    not null,                 -- guichet.services.<code>
    version                 integer        not null,                 -- 1, 2, 3… per service
    effective_from          timestamptz    not null,
    -- Targets as text: '1 working day', '5 working days', 'PT8H business', 'PT48H calendar', '2 months'.
    acknowledgement_target  varchar(64)    not null,
    first_answer_target     varchar(64)    not null,
    next_answer_target      varchar(64)    not null,
    resolution_target       varchar(64)    not null,
    pausing_statuses        text[]         not null default '{waiting_citizen}',
    warning_fraction        numeric(5, 4)  not null,
    implicit_decision       varchar(16)    not null default 'NONE',  -- what 2 months of silence mean (CRPA L231-1, L231-4)
    recorded_at             timestamptz    not null,
    constraint sla_policy_version_unique unique (service_code, version),
    constraint sla_policy_version_check check (version >= 1),
    constraint sla_policy_warning_check check (warning_fraction > 0 and warning_fraction <= 1),
    constraint sla_policy_implicit_check check (implicit_decision in ('NONE', 'ACCEPTANCE', 'REJECTION')),
    -- No retroactive version: figures already reported must not change.
    constraint sla_policy_not_retroactive check (effective_from >= recorded_at)
);

create index sla_policy_service_effective on sla_policy (service_code, effective_from);

-- Append-only, like case_event: nobody, the application included, may change or remove a version.
create function sla_policy_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'sla_policy is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger sla_policy_append_only
    before update or delete on sla_policy
    for each row execute function sla_policy_append_only();

create trigger sla_policy_no_truncate
    before truncate on sla_policy
    for each statement execute function sla_policy_append_only();
