#!/usr/bin/env bash
# Lối Về — kiểm tra bản khôi phục / restore check (docs/backup-restore.md).
#
#   tools/backup/check.sh [more --key=value arguments]
#
# Starts the application's jar ($LOIVE_JAR, default target/loive-0.1.0-SNAPSHOT.jar; java from $JAVA or the PATH)
# with --check-restore, in the environment of a production node pointed at the restore: LOIVE_DB_URL,
# LOIVE_DB_USER, LOIVE_DB_PASSWORD (and LOIVE_DB_MIGRATION_*), LOIVE_VAULT_MASTER_KEY, LOIVE_VAULT_KEYS_FILE,
# LOIVE_AUDIT_WITNESS_DIRECTORY (README, "Configuration"). It reads every case and person, verifies the audit chain
# against the witness, prints the counts and exits 0 when the restore holds, 1 when it does not (or the application
# could not start: a missing key file is named with its property). Keycloak is not contacted; no HTTP port is
# opened to anyone (a free one is taken), the job executor does not run and no checkpoint is signed until the check
# ends, so the check sees the witness as restored.
set -euo pipefail

jar=${LOIVE_JAR:-target/loive-0.1.0-SNAPSHOT.jar}
[ -f "$jar" ] || { echo "check.sh: không có tệp jar / no application jar: $jar (LOIVE_JAR; ./mvnw package)" >&2; exit 2; }
# the check reads and verifies only: Keycloak's address is needed by the configuration, not contacted
export LOIVE_KEYCLOAK_URL=${LOIVE_KEYCLOAK_URL:-http://localhost:8180}
export LOIVE_OIDC_CLIENT_SECRET=${LOIVE_OIDC_CLIENT_SECRET:-restore-check}
exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" --check-restore --server.port=0 --server.address=127.0.0.1 \
  --camunda.bpm.job-execution.enabled=false --loive.audit.checkpoint-interval=1d --loive.reporting.overdue-check=1d "$@"
