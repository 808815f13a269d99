-- Referral cases: only non-personal metadata. Victim data lives in the vault, never here.
create table referral_case (
    id                  uuid primary key,
    reference           varchar(32)  not null unique,
    channel             varchar(32)  not null,
    area                varchar(32)  not null,
    received_at         timestamptz  not null,
    immediate_danger    boolean      not null,
    process_instance_id varchar(64)  not null unique,
    registered_by       varchar(255) not null,
    registered_at       timestamptz  not null default now()
);

create index referral_case_area_idx on referral_case (area, registered_at desc);

-- Human references <AREA>-<YEAR>-<6 digits>: one counter row per area and year, incremented under
-- the row lock inside the intake transaction, so numbers have no gaps and no duplicates.
create table case_reference_counter (
    area       varchar(32) not null,
    year       integer     not null,
    last_value integer     not null,
    primary key (area, year)
);
