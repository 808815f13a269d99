-- Indexes the reports' benchmark asked for (docs/benchmarks.md, one million cases). R3 and S3 join each
-- classification and acceptance to the step completed with it (same case, same moment): without this index the
-- planner hashes every completed step of the table. K3, K4 and K5 look for a criminal case's milestone of a kind
-- before or by a day: the kind and day in the index spare a heap visit per criminal case (it replaces the index
-- on criminal_case_id alone, of which it is an extension).
create index report_fact_step_idx on report_fact (case_id, occurred_at) include (due_at)
    where kind = 'TASK_COMPLETED' and code in ('Task_Classify', 'Task_RespondToReferral');
create index report_fact_criminal_kind_idx on report_fact (criminal_case_id, kind, occurred_on)
    where criminal_case_id is not null;
drop index report_fact_criminal_idx;
