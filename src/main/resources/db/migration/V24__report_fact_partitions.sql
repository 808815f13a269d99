-- The facts partitioned by kind (issue 12, docs/benchmarks.md): every indicator and table reads the facts of one
-- or two kinds over a period, and in one table in time order the facts of a kind lie spread over all the pages
-- of that period, so that a year of the country read a fifth of the table per indicator. A partition per kind
-- holds its facts together; the kind in every query's condition is a constant, so the planner reads only the
-- partitions named. A kind added later lands in the default partition until a migration gives it its own.
alter table report_fact rename to report_fact_v23;
alter sequence report_fact_id_seq owned by none;

create table report_fact (
    id               bigint       not null default nextval('report_fact_id_seq'),
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
    source_key       varchar(160) not null
) partition by list (kind);
alter sequence report_fact_id_seq owned by report_fact.id;

do $$
declare
    kind text;
begin
    foreach kind in array array['REPORT_RECEIVED', 'CLASSIFIED', 'REPORT_RESOLVED', 'RESCUED', 'PERSON_RECEIVED',
            'VERIFIED', 'IDENTIFIED', 'DOCUMENT_ISSUED', 'RISK_ASSESSED', 'SUPPORT_ASSESSED', 'PROTECTION',
            'GUARDIAN_NOTIFIED', 'SERVICE_REFERRED', 'SERVICE_ACCEPTED', 'SERVICE_DECLINED', 'SERVICE_DELIVERED',
            'SERVICE_UNMET', 'SERVICE_EXTENDED', 'CONSENT_WITHDRAWN', 'REINTEGRATION_APPLIED',
            'REINTEGRATION_DECIDED', 'FOLLOW_UP_VISIT', 'REPATRIATED', 'CASE_CLOSED', 'TRANSFERRED',
            'CRIMINAL_INITIATED', 'CRIMINAL_SOLVED', 'CRIMINAL_PROSECUTED', 'CRIMINAL_TRIED', 'CRIMINAL_LINKED',
            'TASK_COMPLETED', 'ESCALATED'] loop
        execute format('create table %I partition of report_fact for values in (%L)', 'report_fact_' || lower(kind), kind);
    end loop;
end
$$;
create table report_fact_other partition of report_fact default;

insert into report_fact (id, kind, case_id, person_id, criminal_case_id, province, area, agency, code, detail,
                         occurred_at, occurred_on, due_at, source_key)
select id, kind, case_id, person_id, criminal_case_id, province, area, agency, code, detail, occurred_at, occurred_on,
       due_at, source_key
from report_fact_v23 order by occurred_at, id;
drop table report_fact_v23;

-- Keys and indexes built once the facts are in, not maintained fact by fact. A partitioned table's unique keys
-- hold its partition key: a source key is unique within its kind, as every source key names its kind's action.
alter table report_fact add primary key (id, kind), add unique (kind, source_key);

-- The kind stays in every covering index although a partition holds one: the planner keeps the query's condition
-- on the kind, and an index without it would send every row to the table. A province's year is read from the
-- province's range of the period index, not from every province's year of the day index (a tenth of the rows).
create index report_fact_period_idx on report_fact (province, occurred_on)
    include (kind, id, case_id, person_id, code, detail, occurred_at, due_at);
create index report_fact_day_idx on report_fact (occurred_on);
create index report_fact_case_idx on report_fact (case_id) include (kind, occurred_on, person_id);
create index report_fact_criminal_idx on report_fact (criminal_case_id, occurred_on) include (kind)
    where criminal_case_id is not null;

-- V23's covering indexes, each on the partition of its kind: the readings of the country's year stay index-only.
create index report_fact_received_idx on report_fact_report_received (occurred_on, province) include (kind, case_id, detail);
create index report_fact_resolved_idx on report_fact_report_resolved (case_id, occurred_on) include (kind);
create index report_fact_identified_idx on report_fact_identified (occurred_on, province)
    include (kind, case_id, person_id, code);
create index report_fact_service_referred_idx on report_fact_service_referred (case_id, code)
    include (kind, person_id, occurred_on, occurred_at, detail);
create index report_fact_service_accepted_idx on report_fact_service_accepted (case_id, code)
    include (kind, person_id, occurred_on, occurred_at, detail);
create index report_fact_service_delivered_idx on report_fact_service_delivered (case_id, code)
    include (kind, person_id, occurred_on, occurred_at, detail);
create index report_fact_service_unmet_idx on report_fact_service_unmet (case_id, code)
    include (kind, person_id, occurred_on, occurred_at, detail);
create index report_fact_service_referred_day_idx on report_fact_service_referred (occurred_on, province)
    include (kind, case_id, person_id, code, occurred_at);
create index report_fact_service_accepted_day_idx on report_fact_service_accepted (occurred_on, province)
    include (kind, case_id, person_id, code, occurred_at);
create index report_fact_task_day_idx on report_fact_task_completed (occurred_on, province)
    include (kind, id, case_id, occurred_at, due_at);
-- The step completed with the classification (the acceptance of a service): the same instant, so the same day, in
-- the period; read for the period only, not for every step of that kind ever completed.
create index report_fact_classify_step_idx on report_fact_task_completed (occurred_on, case_id, occurred_at)
    include (kind, due_at) where code = 'Task_Classify';
create index report_fact_respond_step_idx on report_fact_task_completed (occurred_on, case_id, occurred_at)
    include (kind, due_at) where code = 'Task_RespondToReferral';

-- Facts are never changed, through the table or any of its partitions.
do $$
declare
    partition record;
begin
    for partition in select inhrelid::regclass::text as name from pg_inherits
                     where inhparent = 'report_fact'::regclass loop
        execute format('revoke update on %s from %I', partition.name, '${runtime-role}');
    end loop;
end
$$;
revoke update on report_fact from "${runtime-role}";
analyze report_fact;
