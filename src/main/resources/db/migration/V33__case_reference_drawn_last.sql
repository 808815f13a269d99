-- The intake draws the case's reference last, just before it commits: the province's counter row is locked from the
-- draw to the commit, so every intake of the province queues for that part only, not for the vault's writes and the
-- checks that come before it. The case's row is written first without its reference; it must have it when the
-- transaction commits, checked then by a deferred constraint trigger (NOT NULL cannot wait for the commit).
alter table referral_case alter column reference drop not null;

create function referral_case_reference_drawn() returns trigger language plpgsql as $$
begin
    -- the row as it is at the commit, not as the insert wrote it
    if exists (select 1 from referral_case where id = new.id and reference is null) then
        raise exception 'referral case % without its reference', new.id using errcode = 'not_null_violation';
    end if;
    return null;
end
$$;

create constraint trigger referral_case_reference_drawn after insert or update of reference on referral_case
    deferrable initially deferred for each row execute function referral_case_reference_drawn();
