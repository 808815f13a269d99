-- One row per service of a person (case, person, service code): the first day it was referred, accepted,
-- delivered in full and found unmet, kept beside the facts by a trigger on every service fact (the application's
-- appends, a rebuild's, a bulk COPY alike). The indicators that ask "was this service (every service of this
-- victim) accepted by the period's end" then read one row per service instead of searching the facts of each kind
-- for each person (K6, K6-DELIVERED, K6-NO-NEED, S2, S2-DELIVERED, S2-UNMET, S3's median). Codes and days only,
-- as the facts.
create table report_service (
    case_id      uuid        not null,
    -- the person, or the nil UUID for a service of the case as a whole: a key cannot be null
    person_key   uuid        not null,
    code         varchar(64) not null,
    referred_at  timestamptz,
    referred_on  date,
    accepted_on  date,
    delivered_on date,
    unmet_on     date,
    -- the days in the key's index: a victim's services, or one service, are read from it alone
    primary key (case_id, person_key, code) include (referred_on, referred_at, accepted_on, delivered_on, unmet_on)
);

-- A fact of one of the four service kinds moves the service's days to the earliest seen (least ignores nulls).
create function report_service_add(fact_kind text, fact_case uuid, fact_person uuid, fact_code text, fact_detail text,
                                   fact_at timestamptz, fact_on date) returns void language sql as $$
    insert into report_service as s (case_id, person_key, code, referred_at, referred_on, accepted_on, delivered_on,
                                     unmet_on)
    values (fact_case, coalesce(fact_person, '00000000-0000-0000-0000-000000000000'), fact_code,
            case when fact_kind = 'SERVICE_REFERRED' then fact_at end,
            case when fact_kind = 'SERVICE_REFERRED' then fact_on end,
            case when fact_kind = 'SERVICE_ACCEPTED' then fact_on end,
            case when fact_kind = 'SERVICE_DELIVERED' and fact_detail = 'DELIVERED' then fact_on end,
            case when fact_kind = 'SERVICE_UNMET' then fact_on end)
    on conflict on constraint report_service_pkey do update set
        referred_at = least(s.referred_at, excluded.referred_at),
        referred_on = least(s.referred_on, excluded.referred_on),
        accepted_on = least(s.accepted_on, excluded.accepted_on),
        delivered_on = least(s.delivered_on, excluded.delivered_on),
        unmet_on = least(s.unmet_on, excluded.unmet_on)
$$;

create function report_service_track() returns trigger language plpgsql as $$
begin
    perform report_service_add(new.kind, new.case_id, new.person_id, new.code, new.detail, new.occurred_at,
                               new.occurred_on);
    return null;
end
$$;

create trigger report_service_track after insert on report_fact for each row
    when (new.kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED', 'SERVICE_DELIVERED', 'SERVICE_UNMET'))
    execute function report_service_track();

-- The facts appended before this migration, in the order they were.
select report_service_add(kind, case_id, person_id, code, detail, occurred_at, occurred_on)
from report_fact where kind in ('SERVICE_REFERRED', 'SERVICE_ACCEPTED', 'SERVICE_DELIVERED', 'SERVICE_UNMET')
order by id;

-- Changed by the trigger only (and emptied with the facts before a rebuild).
revoke truncate on report_service from "${runtime-role}";
analyze report_service;
