-- The administrative units areas are checked against (issue 11): provinces and cities with their official
-- codes (two digits, Decision 19/2025/QĐ-TTg) and the project's short code of three capitals that tokens,
-- areas and case references carry (QNG, GLI, ...); communes (five digits) under their province. The rows come
-- from CSV: the application imports the list it ships (administrative-units/provinces-2025.csv) once, and an
-- administrator imports the official list to extend or update it.
create table administrative_unit (
    code          varchar(10)  primary key,
    level         varchar(10)  not null check (level in ('PROVINCE', 'COMMUNE')),
    short_code    char(3)      unique,
    name_vi       varchar(200) not null,
    name_en       varchar(200) not null,
    province_code varchar(10)  references administrative_unit (code),
    valid_from    date,
    valid_to      date,
    updated_at    timestamptz  not null,
    check ((level = 'PROVINCE') = (province_code is null)),
    check ((level = 'PROVINCE') = (short_code is not null)),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

create index administrative_unit_province on administrative_unit (province_code);

-- Every import applied: the shipped list (so it is applied once) and each administrator's, with what changed.
create table administrative_unit_import (
    id          bigserial    primary key,
    source      varchar(200) not null,
    checksum    char(64)     not null,
    added       integer      not null,
    changed     integer      not null,
    unchanged   integer      not null,
    imported_by varchar(100) not null,
    imported_at timestamptz  not null
);
