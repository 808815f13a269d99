-- Indexes the reports' benchmark asked for (docs/benchmarks.md, one million cases): each covers the columns an
-- indicator reads from the facts of a few kinds, so the readings of a year are index-only scans and probes instead
-- of a heap visit per fact (the facts of a year are spread over a fifth of the table). Partial: only those kinds.
-- K1, K2: the reports received, by day and province, with their kind; K2: a report's resolutions.
create index report_fact_received_idx on report_fact (occurred_on, province) include (case_id, detail)
    where kind = 'REPORT_RECEIVED';
create index report_fact_resolved_idx on report_fact (case_id, occurred_on) where kind = 'REPORT_RESOLVED';
-- K6, P4: the victims identified, by day and province.
create index report_fact_identified_idx on report_fact (occurred_on, province) include (case_id, person_id, code)
    where kind = 'IDENTIFIED';
-- K6, S2, S3: a person's services of a case (referred, accepted, delivered, unmet), and those referred or accepted
-- by day and province.
create index report_fact_service_idx on report_fact (case_id, kind, code) include (person_id, occurred_on, occurred_at,
    detail) where kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED', 'SERVICE_DELIVERED', 'SERVICE_UNMET');
create index report_fact_service_day_idx on report_fact (kind, occurred_on, province)
    include (case_id, person_id, code, occurred_at) where kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED');
-- T1: the steps completed, by day and province, with their deadline (a third of the facts).
create index report_fact_task_day_idx on report_fact (occurred_on, province) include (case_id, occurred_at, due_at)
    where kind = 'TASK_COMPLETED';
-- R3, S3: the classification step and the provider's response completed with a classification or an acceptance
-- (same case, same moment), an index each: V17's index on both could not tell them apart without a heap visit.
create index report_fact_classify_step_idx on report_fact (case_id, occurred_at) include (due_at)
    where kind = 'TASK_COMPLETED' and code = 'Task_Classify';
create index report_fact_respond_step_idx on report_fact (case_id, occurred_at) include (due_at)
    where kind = 'TASK_COMPLETED' and code = 'Task_RespondToReferral';
drop index report_fact_step_idx;
-- The kind of a report received is in detail, which other kinds use otherwise: without these statistics the
-- planner takes "the reports of three kinds" for a few hundred rows and probes each of a year's facts.
create statistics report_fact_kind_detail (mcv) on kind, detail from report_fact;
analyze report_fact;
