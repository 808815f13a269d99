-- Reports submitted to the steering committee (module reporting), frozen: the parameters, the figures as they
-- left the province (suppressed) and the DOCX rendering, sealed by the SHA-256 of the three, which is appended
-- to the audit chain (audit_seq). A correction is a new version; no version is ever changed or removed.
create table report_submission (
    id            uuid         primary key,
    province      varchar(3)   not null,
    -- the calendar obligation it answers ('' for an ad hoc submission)
    obligation    varchar(48)  not null,
    period_kind   varchar(16)  not null,
    period_from   date         not null,
    period_to     date         not null,
    version       int          not null check (version >= 1),
    submitted_at  timestamptz  not null,
    submitted_by  varchar(255) not null,
    document_no   varchar(64),
    reason        varchar(1000),
    parameters    text         not null,
    figures       text         not null,
    rendering     bytea        not null,
    sha256        char(64)     not null,
    audit_seq     bigint       not null unique,
    unique (province, obligation, period_from, period_to, version)
);
create index report_submission_province_idx on report_submission (province, submitted_at desc);

create trigger report_submission_frozen before update or delete on report_submission
    for each row execute function audit_append_only();
create trigger report_submission_no_truncate before truncate on report_submission
    for each statement execute function audit_append_only();
revoke update, delete, truncate on report_submission from "${runtime-role}";
grant select, insert on report_submission to "${runtime-role}";

-- Reports of the calendar past their due date and not submitted, raised to the province's supervisors once.
create table report_escalation (
    id          bigserial    primary key,
    province    varchar(3)   not null,
    obligation  varchar(48)  not null,
    period_from date         not null,
    period_to   date         not null,
    due_at      timestamptz  not null,
    raised_at   timestamptz  not null,
    unique (province, obligation, period_from, period_to)
);
