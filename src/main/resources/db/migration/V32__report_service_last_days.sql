-- A service's last referral and acceptance day: a service referred (accepted) more than once is looked for in a
-- period's facts only when its referrals (acceptances) reach into the period, so a year's reading looks up a few
-- thousand services, not every one referred twice since the start.
alter table report_service
    add column referred_last_on date,
    add column accepted_last_on date;

create or replace function report_service_add(fact_kind text, fact_case uuid, fact_person uuid, fact_code text,
                                              fact_detail text, fact_province text, fact_at timestamptz,
                                              fact_on date, fact_due timestamptz)
    returns void language sql as $$
    insert into report_service as s (case_id, person_key, code, referred_at, referred_on, accepted_on, delivered_on,
                                     unmet_on, referrals, referred_province, acceptances, accepted_province,
                                     accepted_at, accepted_due, referred_last_on, accepted_last_on)
    values (fact_case, coalesce(fact_person, '00000000-0000-0000-0000-000000000000'), fact_code,
            case when fact_kind = 'SERVICE_REFERRED' then fact_at end,
            case when fact_kind = 'SERVICE_REFERRED' then fact_on end,
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_on end,
            case when fact_kind = 'SERVICE_DELIVERED' and fact_detail = 'DELIVERED' then fact_on end,
            case when fact_kind = 'SERVICE_UNMET' then fact_on end,
            case when fact_kind = 'SERVICE_REFERRED' then 1 else 0 end,
            case when fact_kind = 'SERVICE_REFERRED' then fact_province end,
            case when fact_kind = 'SERVICE_ACCEPTED' then 1 else 0 end,
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_province end,
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_at end,
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_due end,
            case when fact_kind = 'SERVICE_REFERRED' then fact_on end,
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_on end)
    on conflict on constraint report_service_pkey do update set
        referred_at = least(s.referred_at, excluded.referred_at),
        referred_on = least(s.referred_on, excluded.referred_on),
        accepted_on = least(s.accepted_on, excluded.accepted_on),
        delivered_on = least(s.delivered_on, excluded.delivered_on),
        unmet_on = least(s.unmet_on, excluded.unmet_on),
        referrals = s.referrals + excluded.referrals,
        referred_province = coalesce(s.referred_province, excluded.referred_province),
        acceptances = s.acceptances + excluded.acceptances,
        accepted_province = coalesce(s.accepted_province, excluded.accepted_province),
        accepted_due = case when excluded.accepted_at < s.accepted_at or s.accepted_at is null
                            then excluded.accepted_due else s.accepted_due end,
        accepted_at = least(s.accepted_at, excluded.accepted_at),
        referred_last_on = greatest(s.referred_last_on, excluded.referred_last_on),
        accepted_last_on = greatest(s.accepted_last_on, excluded.accepted_last_on)
$$;

-- The rows before this migration: one referral (acceptance) is its own last; the others from their facts.
update report_service set referred_last_on = referred_on, accepted_last_on = accepted_on;
update report_service s set referred_last_on = c.referred_last_on, accepted_last_on = c.accepted_last_on
from (select case_id, coalesce(person_id, '00000000-0000-0000-0000-000000000000') as person_key, code,
             max(occurred_on) filter (where kind = 'SERVICE_REFERRED') as referred_last_on,
             max(occurred_on) filter (where kind = 'SERVICE_ACCEPTED') as accepted_last_on
      from report_fact where kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED')
      group by 1, 2, 3) c
where s.case_id = c.case_id and s.person_key = c.person_key and s.code = c.code
  and (s.referrals > 1 or s.acceptances > 1);

-- The services counted from their facts, by their last day, with what their counting needs.
drop index report_service_repeated_idx;
create index report_service_referred_again_idx on report_service (referred_last_on)
    include (referred_on, case_id, person_key, code, id, accepted_on, unmet_on) where referrals > 1;
create index report_service_accepted_again_idx on report_service (accepted_last_on)
    include (accepted_on, case_id, person_key, code, id, referred_at, delivered_on) where acceptances > 1;
analyze report_service;
