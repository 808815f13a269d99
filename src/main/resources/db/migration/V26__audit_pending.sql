-- Events committed with their actions and not yet in the chain. An action inserts its event here in its own
-- transaction without waiting for anyone; after commit one sequencer per node takes the chain's advisory lock and
-- moves every pending event into audit_event, in the order of id, with its seq and hash (AuditSequencer): the
-- chain stays gapless and unforked with one lock per batch instead of one per action held until the action
-- commits. An event stays here only until then: a node that dies between the two is swept by another within
-- seconds (loive.audit.sweep-interval).
create table audit_pending (
    id             bigint       generated always as identity primary key,
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
    flagged        boolean      not null
);

-- Rows are inserted and, once chained, deleted: never changed.
revoke update, truncate on audit_pending from "${runtime-role}";
grant select, insert, delete on audit_pending to "${runtime-role}";
