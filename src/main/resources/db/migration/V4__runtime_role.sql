-- The application connects as a runtime role of its own that owns nothing here, so that a later migration can
-- deny it UPDATE, DELETE or TRUNCATE on an append-only table: a table's owner could always grant them back to
-- itself. The runtime role is the placeholder spring.flyway.placeholders.runtime-role, the datasource user unless
-- set; when the migrations run as that same role, these grants to oneself change nothing.

-- All tables: Camunda's too, in a database where the owner created them in schema loive (as the dev run did before).
grant usage on schema loive to "${runtime-role}";
grant select, insert, update, delete on all tables in schema loive to "${runtime-role}";
grant usage, select, update on all sequences in schema loive to "${runtime-role}";

-- Tables and sequences the migration role (the current role: no FOR ROLE) creates later get the same rights.
alter default privileges in schema loive grant select, insert, update, delete on tables to "${runtime-role}";
alter default privileges in schema loive grant usage, select, update on sequences to "${runtime-role}";

-- Camunda's tables the owner created in schema public, before the runtime role existed: the runtime role takes
-- them over. Tables of anyone else (those the runtime role created itself) are not the owner's to grant.
do $$
declare
    camunda record;
begin
    for camunda in select tablename from pg_tables where schemaname = 'public' and tableowner = current_user loop
        execute format('grant select, insert, update, delete on public.%I to %I', camunda.tablename, '${runtime-role}');
    end loop;
end
$$;
