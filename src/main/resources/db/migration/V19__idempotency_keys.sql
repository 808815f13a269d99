-- Idempotency keys of POST requests (module platform): the first response to a key, replayed to a retry with
-- the same body, so that a client retrying after a timeout, a double click or a resubmitted page acts once. Kept
-- 24 hours, in PostgreSQL so that every node sees them. The body kept is the response of an endpoint that creates
-- or acts (ids, references, codes); the request's body is kept only as its SHA-256.
create table idempotency_key (
    owner        varchar(255)  not null,
    key          varchar(255)  not null,
    fingerprint  char(64)      not null,
    started_at   timestamptz   not null,
    -- null while the first request runs
    status       int,
    content_type varchar(255),
    location     varchar(2048),
    hx_redirect  varchar(2048),
    body         bytea,
    primary key (owner, key)
);
create index idempotency_key_started_idx on idempotency_key (started_at);
