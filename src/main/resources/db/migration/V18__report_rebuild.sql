-- The rebuild of the reports' read model (issue 12) replays each case's registration and report resolution as
-- they were published: the agency that received the report, when the resolution was recorded and by which
-- agency. Codes only.
alter table referral_case add column registered_agency varchar(32),
                          add column report_resolved_at timestamptz,
                          add column report_resolved_agency varchar(32);

-- Cases from before: the audit trail knows who registered and resolved, and about when (its record is written
-- in the same transaction, a moment before the event was).
update referral_case c set registered_agency = split_part(a.agency, ',', 1)
from (select distinct on (case_id) case_id, agency from audit_event
      where action = 'CASE_REGISTER' and agency is not null order by case_id, seq) a
where a.case_id = c.id::text;

update referral_case c
set report_resolved_at = a.occurred_at,
    report_resolved_agency = case when ',' || a.agency || ',' like '%,police,%' then 'police' else 'border-guard' end
from (select distinct on (case_id) case_id, agency, occurred_at from audit_event
      where action = 'CASE_REPORT_RESOLUTION' order by case_id, seq desc) a
where a.case_id = c.id::text and c.report_resolution is not null;
