-- The audit trail: one row per event, each chained to the one before by the SHA-256 hash of its
-- canonical form (org.loive.audit.AuditChain), and signed checkpoints of the chain's head. Rows are
-- appended, never changed: the triggers refuse UPDATE, DELETE and TRUNCATE to every role, and the
-- application's runtime role is granted SELECT and INSERT only.
create table audit_event (
    seq            bigint       primary key,
    occurred_at    timestamptz  not null,
    username       varchar(255) not null,
    agency         varchar(255),
    roles          varchar(255),
    action         varchar(32)  not null,
    case_id        varchar(36),
    person_id      varchar(36),
    sections       varchar(80),
    purpose        varchar(255),
    client_address varchar(64),
    outcome        varchar(16)  not null,
    flagged        boolean      not null,
    hash           char(64)     not null
);
create index audit_event_case_idx on audit_event (case_id, seq) where case_id is not null;
create index audit_event_person_idx on audit_event (person_id, seq) where person_id is not null;
create index audit_event_user_idx on audit_event (username, seq);
create index audit_event_time_idx on audit_event (occurred_at);
create index audit_event_flagged_idx on audit_event (seq) where flagged;

create table audit_checkpoint (
    seq       bigint      primary key,
    hash      char(64)    not null,
    signed_at timestamptz not null,
    signature text        not null
);

create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_append_only();

-- The runtime role (V4) may read and append, nothing else. Where one role both migrates and runs, it
-- revokes these from itself as owner: it never needs them.
revoke update, delete, truncate on audit_event, audit_checkpoint from "${runtime-role}";
grant select, insert on audit_event, audit_checkpoint to "${runtime-role}";

-- Nor may the runtime role rewrite the history of the migrations, unless it is the one that runs them.
do $$
begin
    if current_user <> '${runtime-role}' then
        execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', '${runtime-role}');
    end if;
end
$$;
