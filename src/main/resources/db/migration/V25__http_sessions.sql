-- The browser sessions of the pages and of the Camunda webapps (Spring Session JDBC), in PostgreSQL so that every
-- node knows every session: a node lost logs nobody out. The tables and indexes Spring Session JDBC expects for
-- PostgreSQL (its schema-postgresql.sql), in schema loive. A session holds the login (tokens, the officer's roles,
-- groups and area), the CSRF token, the request saved before the login and the confirmations of the last form:
-- never victim data. Expired sessions are deleted by every node on a schedule (spring.session.jdbc.cleanup-cron).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- The default privileges of V4 already give these; granted here too so as not to depend on which role ran V4.
grant select, insert, update, delete on spring_session, spring_session_attributes to "${runtime-role}";
