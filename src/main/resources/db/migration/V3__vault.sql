-- The vault: each person's data key, wrapped by the key-encryption key, and their sections, each
-- encrypted under that data key. Nothing here is readable without the keys, which live outside the
-- database.
create table vault_person (
    id             uuid primary key,
    case_id        uuid         not null references referral_case (id),
    data_key       bytea,
    kek_id         bigint,
    created_at     timestamptz  not null,
    erased_at      timestamptz,
    erased_by      varchar(255),
    erasure_reason varchar(32),
    constraint vault_person_key_or_erased check ((data_key is null) = (erased_at is not null))
);
create index vault_person_case_idx on vault_person (case_id);
create index vault_person_kek_idx on vault_person (kek_id) where data_key is not null;

create table vault_section (
    person_id  uuid         not null references vault_person (id),
    section    varchar(16)  not null,
    version    integer      not null,
    ciphertext bytea        not null,
    written_at timestamptz  not null,
    written_by varchar(255) not null,
    primary key (person_id, section)
);

-- Keyed HMAC digests of normalised identifiers: equal values meet, nothing can be read back.
create table vault_blind_index (
    kind      varchar(24) not null,
    digest    bytea       not null,
    person_id uuid        not null references vault_person (id),
    primary key (kind, digest, person_id)
);
create index vault_blind_index_person_idx on vault_blind_index (person_id);

create table vault_key_rotation (
    id          bigserial primary key,
    new_key_id  bigint       not null,
    started_by  varchar(255) not null,
    started_at  timestamptz  not null,
    total       integer      not null,
    finished_at timestamptz
);

-- Consent to share sections of a person with an agency, for a purpose.
create table consent (
    id               uuid primary key,
    person_id        uuid         not null references vault_person (id),
    purpose          varchar(32)  not null,
    recipient_agency varchar(32)  not null,
    sections         varchar(80)  not null,
    granted_at       timestamptz  not null,
    granted_by       varchar(255) not null,
    withdrawn_at     timestamptz,
    withdrawn_by     varchar(255)
);
create index consent_person_idx on consent (person_id, granted_at);

-- Coarse categories for statistics, beside the case, never inside the encrypted sections.
alter table case_person add column nationality varchar(2);
alter table case_person add column ethnic_minority boolean;
alter table referral_case add column exploitation_form varchar(32);
alter table referral_case add column destination_country varchar(2);

-- What intake noticed through the blind indexes: a likely duplicate of an open case, or a person seen
-- again after a closed one (re-trafficking risk).
create table case_flag (
    id             bigserial primary key,
    case_id        uuid         not null references referral_case (id),
    kind           varchar(32)  not null,
    person_id      uuid         not null,
    matched_case_id uuid        not null,
    matched_on     varchar(64)  not null,
    raised_at      timestamptz  not null
);
create index case_flag_case_idx on case_flag (case_id);
