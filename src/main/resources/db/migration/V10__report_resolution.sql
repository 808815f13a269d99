-- How the police (or the border guard) resolved the report (giải quyết tố giác, tin báo): the reports count
-- reports resolved against the target. Codes and a day only; the current resolution, its history is audited.
alter table referral_case add column report_resolution varchar(32);
alter table referral_case add column report_resolved_on date;
alter table referral_case add column report_resolved_by varchar(255);
