-- What the reports count, recorded at intake as codes beside the case (never personal data): the kind of
-- report, another hotline's number, how the person came back from abroad, domestic or cross-border, the
-- forms of exploitation and how the person came to be trafficked (several each), the area of residence.
alter table referral_case
    add column report_kind          varchar(32),
    add column hotline_number       varchar(16),
    add column return_mode          varchar(32),
    add column trafficking_scope    varchar(16),
    add column exploitation_forms   varchar(32)[] not null default '{}',
    add column recruitment_contexts varchar(32)[] not null default '{}',
    add column residence_area       varchar(32);

-- The single form of exploitation of cases made before becomes their list of one.
update referral_case set exploitation_forms = array[exploitation_form] where exploitation_form is not null;

alter table referral_case drop column exploitation_form;
