-- The area where the case was received never changes; "area" follows the case when it is transferred.
alter table referral_case add column intake_area varchar(32);

-- Cases made before: the area they are in, unless they were transferred since; then the province of their
-- reference (QNG-2026-000123 was received in QNG), the commune of intake not being known any more.
update referral_case c
set intake_area = case
        when exists (select 1 from case_milestone m where m.case_id = c.id and m.kind = 'TRANSFERRED')
            then split_part(c.reference, '-', 1)
        else c.area
    end;

alter table referral_case alter column intake_area set not null;
