-- A service's row says how many referral and acceptance facts it has, and for the first of each the province it
-- was recorded in (and the acceptance's instant and deadline). A service referred once (accepted once) is then
-- counted in a period from its row alone, read by the day of its referral (acceptance): S2, S2-UNMET, S2-DELIVERED
-- and S3 scan the rows of the period instead of looking every fact of the period up. A service with more than one
-- referral (acceptance) keeps being counted from its facts, so every figure stays what the facts say.
alter table report_service
    add column id                bigint generated always as identity,
    add column referrals         integer not null default 0,
    add column referred_province varchar(3),
    add column acceptances       integer not null default 0,
    add column accepted_province varchar(3),
    add column accepted_at       timestamptz,
    add column accepted_due      timestamptz;

drop trigger report_service_track on report_fact;
drop function report_service_track();
drop function report_service_add(text, uuid, uuid, text, text, timestamptz, date);

-- A fact of one of the four service kinds moves the service's days to the earliest seen (least ignores nulls) and
-- counts its referrals and acceptances; the first referral's (acceptance's) province stays.
create function report_service_add(fact_kind text, fact_case uuid, fact_person uuid, fact_code text, fact_detail text,
                                   fact_province text, fact_at timestamptz, fact_on date, fact_due timestamptz)
    returns void language sql as $$
    insert into report_service as s (case_id, person_key, code, referred_at, referred_on, accepted_on, delivered_on,
                                     unmet_on, referrals, referred_province, acceptances, accepted_province,
                                     accepted_at, accepted_due)
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
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_due end)
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
        accepted_at = least(s.accepted_at, excluded.accepted_at)
$$;

create function report_service_track() returns trigger language plpgsql as $$
begin
    perform report_service_add(new.kind, new.case_id, new.person_id, new.code, new.detail, new.province,
                               new.occurred_at, new.occurred_on, new.due_at);
    return null;
end
$$;

create trigger report_service_track after insert on report_fact for each row
    when (new.kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED', 'SERVICE_DELIVERED', 'SERVICE_UNMET'))
    execute function report_service_track();

-- The rows of the facts appended before this migration, counted again in one pass.
update report_service s set referrals = c.referrals, referred_province = c.referred_province,
                            acceptances = c.acceptances, accepted_province = c.accepted_province,
                            accepted_at = c.accepted_at, accepted_due = c.accepted_due
from (select case_id, coalesce(person_id, '00000000-0000-0000-0000-000000000000') as person_key, code,
             count(*) filter (where kind = 'SERVICE_REFERRED') as referrals,
             (array_agg(province order by occurred_at, id) filter (where kind = 'SERVICE_REFERRED'))[1] as referred_province,
             count(*) filter (where kind = 'SERVICE_ACCEPTED') as acceptances,
             (array_agg(province order by occurred_at, id) filter (where kind = 'SERVICE_ACCEPTED'))[1] as accepted_province,
             min(occurred_at) filter (where kind = 'SERVICE_ACCEPTED') as accepted_at,
             (array_agg(due_at order by occurred_at, id) filter (where kind = 'SERVICE_ACCEPTED'))[1] as accepted_due
      from report_fact where kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED')
      group by 1, 2, 3) c
where s.case_id = c.case_id and s.person_key = c.person_key and s.code = c.code;

-- The services of a period, by the day of their referral (acceptance), with what their counting needs.
create index report_service_referred_idx on report_service (referred_on)
    include (referrals, referred_province, case_id, id, accepted_on, unmet_on);
create index report_service_accepted_idx on report_service (accepted_on)
    include (acceptances, accepted_province, case_id, id, accepted_at, accepted_due, referred_at, delivered_on);
-- The few services counted from their facts.
create index report_service_repeated_idx on report_service (case_id, person_key, code)
    where referrals > 1 or acceptances > 1;
analyze report_service;
