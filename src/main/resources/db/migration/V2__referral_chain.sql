-- Persons linked to a case, by role; their personal data comes with the encrypted vault, never here.
create table case_person (
    id      uuid primary key,
    case_id uuid        not null references referral_case (id),
    role    varchar(32) not null,
    sex     varchar(8),
    age_band varchar(16),
    created_at timestamptz not null default now()
);
create index case_person_case_idx on case_person (case_id);

alter table referral_case add column place varchar(16) not null default 'INLAND';

-- Steps past their deadline, raised to the supervisor of the case's province while the work goes on.
create table escalation (
    id               bigserial primary key,
    task_id          varchar(64)  not null unique,
    case_id          uuid         not null,
    province         varchar(8)   not null,
    task_key         varchar(64)  not null,
    task_name        varchar(255) not null,
    candidate_groups varchar(255) not null,
    due_at           timestamptz  not null,
    raised_at        timestamptz  not null
);
create index escalation_province_idx on escalation (province, raised_at desc);

-- Milestones of a case that reports count: criminal proceedings, consent withdrawal, transfer.
create table case_milestone (
    id          bigserial primary key,
    case_id     uuid        not null,
    kind        varchar(32) not null,
    code        varchar(32),
    recorded_by varchar(255) not null,
    recorded_at timestamptz not null
);
create index case_milestone_case_idx on case_milestone (case_id, recorded_at);
