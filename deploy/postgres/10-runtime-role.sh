#!/usr/bin/env bash
# The application's runtime role, loive_app: it logs in, connects to the database and uses and creates in schema
# public (Camunda creates its tables there), and owns nothing in schema loive, whose rights the migrations grant
# it (V4__runtime_role.sql). The postgres image runs this once, as POSTGRES_USER, when it initialises an empty
# volume; for a volume made before, run it by hand (README, "Production-like stack"). Safe to run again.
set -euo pipefail

: "${LOIVE_APP_DB_PASSWORD:?set LOIVE_APP_DB_PASSWORD}"

# The password goes through a psql variable, quoted by psql (:'password'), never spliced into the SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$LOIVE_APP_DB_PASSWORD" -v database="$POSTGRES_DB" <<'SQL'
select format('create role loive_app login password %L', :'password')
  where not exists (select from pg_roles where rolname = 'loive_app') \gexec
grant connect on database :"database" to loive_app;
grant usage, create on schema public to loive_app;
SQL
