-- The reports' read model (module reporting): facts as codes, never victim data. Reports query only these
-- tables, never Camunda's nor the other modules'. Fed by the events of the actions, in their transaction;
-- rebuilt from the engine's history and the application's tables by the command --rebuild-report-facts.

-- The case as the reports break it down: its intake codes, the province and commune of intake and now.
create table report_case (
    case_id              uuid primary key,
    reference            varchar(32)   not null,
    channel              varchar(32)   not null,
    report_kind          varchar(32),
    place                varchar(16),
    return_mode          varchar(32),
    trafficking_scope    varchar(16),
    exploitation_forms   varchar(32)[] not null default '{}',
    recruitment_contexts varchar(32)[] not null default '{}',
    destination_country  varchar(2),
    intake_province      varchar(3)    not null,
    intake_area          varchar(32)   not null,
    province             varchar(3)    not null,
    area                 varchar(32)   not null,
    received_at          timestamptz   not null,
    -- the case this one duplicates: duplicates are excluded from every indicator
    duplicate_of         uuid
);
create index report_case_province_idx on report_case (province);

-- A person of a case as the reports break persons down: role, sex, age band at intake, nationality, ethnic
-- minority, support category once decided.
create table report_person (
    person_id        uuid primary key,
    case_id          uuid        not null references report_case (case_id),
    role             varchar(32) not null,
    sex              varchar(8),
    age_band         varchar(16),
    nationality      varchar(2),
    ethnic_minority  boolean,
    support_category varchar(32)
);
create index report_person_case_idx on report_person (case_id);

-- One row per thing that happened. province/area: where the case was at that moment; occurred_on: the day in
-- Vietnam it counts for (a resolution or a criminal-case milestone carries the day it was decided).
-- source_key names the action it comes from, so a replay or a retried event writes nothing twice.
create table report_fact (
    id               bigserial    primary key,
    kind             varchar(32)  not null,
    case_id          uuid,
    person_id        uuid,
    criminal_case_id uuid,
    province         varchar(3)   not null,
    area             varchar(32),
    agency           varchar(32),
    code             varchar(64),
    detail           varchar(160),
    occurred_at      timestamptz  not null,
    occurred_on      date         not null,
    due_at           timestamptz,
    source_key       varchar(160) not null unique
);
create index report_fact_period_idx on report_fact (kind, province, occurred_on);
create index report_fact_case_idx on report_fact (case_id, kind);
create index report_fact_criminal_idx on report_fact (criminal_case_id) where criminal_case_id is not null;

-- Facts are never changed: the runtime role may add them, and delete them all only to rebuild.
revoke update on report_fact from "${runtime-role}";
