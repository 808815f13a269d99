-- The indicators' reads (issue 12): the whole country's facts of a kind in a period (the period index has the
-- province in the middle), and the few duplicate cases every indicator leaves out.
create index report_fact_kind_day_idx on report_fact (kind, occurred_on);
create index report_case_duplicate_idx on report_case (case_id) where duplicate_of is not null;
