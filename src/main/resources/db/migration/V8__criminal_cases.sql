-- Criminal cases are records of their own (issue 11, point 9), no longer milestones of one referral case: a
-- trafficking ring is one criminal case with many victims, and it goes on after the referrals close. Codes,
-- official numbers and dates only; no victim data.
create table criminal_case (
    id          uuid primary key,
    -- the police's number of the case (an official number, not victim data), or for cases moved from
    -- case_milestone the reference of the referral case they were recorded on
    reference   varchar(40)  not null,
    province    varchar(3)   not null,
    -- Penal Code article, e.g. ARTICLE_150; unknown (null) only for cases moved from case_milestone
    charge      varchar(32),
    -- REGISTERED, or the last milestone reached
    status      varchar(16)  not null,
    created_by  varchar(255) not null,
    created_at  timestamptz  not null,
    unique (province, reference)
);
create index criminal_case_province_idx on criminal_case (province, created_at desc);

-- Dated milestones: INITIATED (khởi tố), SOLVED (khám phá), PROSECUTED (truy tố), TRIED (xét xử, with the
-- outcome as a code). The date is the calendar day in Vietnam the milestone happened, which the reports count
-- by period; who recorded it and when beside it.
create table criminal_case_milestone (
    criminal_case_id uuid         not null references criminal_case (id),
    milestone        varchar(16)  not null,
    occurred_on      date         not null,
    outcome          varchar(32),
    recorded_by      varchar(255) not null,
    recorded_at      timestamptz  not null,
    primary key (criminal_case_id, milestone)
);
create index criminal_case_milestone_period_idx on criminal_case_milestone (milestone, occurred_on);

-- The referral cases (victims) of a criminal case; a referral case may belong to several criminal cases.
create table criminal_case_referral (
    criminal_case_id uuid         not null references criminal_case (id),
    case_id          uuid         not null references referral_case (id),
    linked_by        varchar(255) not null,
    linked_at        timestamptz  not null,
    primary key (criminal_case_id, case_id)
);
create index criminal_case_referral_case_idx on criminal_case_referral (case_id);

-- Proceedings recorded before on a referral case become one criminal case linked to it, in the province the
-- referral case is in now, with the milestones kept as they were (opened = initiated; solved was not recorded
-- then), on the day in Vietnam they were recorded, by whom and when.
create temporary table moved_proceedings on commit drop as
select c.id as case_id, gen_random_uuid() as criminal_case_id, c.reference, split_part(c.area, '-', 1) as province
from referral_case c
where exists (select 1 from case_milestone m where m.case_id = c.id and m.kind like 'PROCEEDINGS\_%');

insert into criminal_case (id, reference, province, charge, status, created_by, created_at)
select p.criminal_case_id, p.reference, p.province, null,
       (select replace(replace(m.kind, 'PROCEEDINGS_', ''), 'OPENED', 'INITIATED') from case_milestone m
        where m.case_id = p.case_id and m.kind like 'PROCEEDINGS\_%' order by m.id desc limit 1),
       first.recorded_by, first.recorded_at
from moved_proceedings p
cross join lateral (select m.recorded_by, m.recorded_at from case_milestone m
                    where m.case_id = p.case_id and m.kind like 'PROCEEDINGS\_%' order by m.id limit 1) first;

insert into criminal_case_milestone (criminal_case_id, milestone, occurred_on, outcome, recorded_by, recorded_at)
select distinct on (p.criminal_case_id, m.kind)
       p.criminal_case_id, replace(replace(m.kind, 'PROCEEDINGS_', ''), 'OPENED', 'INITIATED'),
       (m.recorded_at at time zone 'Asia/Ho_Chi_Minh')::date, null, m.recorded_by, m.recorded_at
from moved_proceedings p
join case_milestone m on m.case_id = p.case_id and m.kind like 'PROCEEDINGS\_%'
order by p.criminal_case_id, m.kind, m.id;

insert into criminal_case_referral (criminal_case_id, case_id, linked_by, linked_at)
select p.criminal_case_id, p.case_id, c.created_by, c.created_at
from moved_proceedings p
join criminal_case c on c.id = p.criminal_case_id;

delete from case_milestone where kind like 'PROCEEDINGS\_%';
