#!/usr/bin/env bash
# Lối Về — sao lưu / backup (docs/backup-restore.md).
#
#   tools/backup/backup.sh <backup-directory>
#
# Writes one backup directory with three parts and a manifest:
#   audit-witness/checkpoints.jsonl   the audit witness, copied first: every checkpoint it holds is then in the database part
#   vault/keys.json                   the vault's key file (move it to the key store, apart from the database part)
#   database/                         a base backup of the whole PostgreSQL cluster, taken online with PostgreSQL's
#                                     backup API (base.tar, pg_wal.tar, backup_label, tablespace_map)
#   MANIFEST.sha256                   the SHA-256 of every file (sha256sum format); backup.info says what and when
#
# Runs on the database's host, since it reads the data directory (PGDATA), with a superuser connection (libpq's
# PGHOST, PGPORT, PGUSER, PGPASSWORD or PGPASSFILE). Needs bash, psql (any version from 15), GNU tar, sha256sum.
#
# Environment:
#   PGDATA                         the cluster's data directory
#   LOIVE_VAULT_KEYS_FILE          the vault's key file
#   LOIVE_AUDIT_WITNESS_DIRECTORY  the audit witness directory
set -euo pipefail

say() { printf '%s\n' "$*" >&2; }
fail() { say "backup.sh: $*"; exit 1; }

# Called by psql (\!) inside the backup session: the data directory without what a backup leaves out (the
# documentation's list: WAL, which comes after, the postmaster's files, temporary and per-run state).
if [ "${1:-}" = "--copy-data" ]; then
  set +e
  tar -cf "$3/base.tar" -C "$2" --warning=no-file-changed --warning=no-file-removed --warning=no-file-shrank \
    --exclude='./pg_wal/*' --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude='./pg_replslot/*' \
    --exclude='./pg_dynshmem/*' --exclude='./pg_notify/*' --exclude='./pg_serial/*' --exclude='./pg_snapshots/*' \
    --exclude='./pg_stat_tmp/*' --exclude='./pg_subtrans/*' --exclude='pgsql_tmp*' --exclude=./backup_label \
    --exclude=./tablespace_map .
  # 1: a file changed while read, as files of a running server do; WAL replay from backup_label repairs them
  [ $? -le 1 ] && touch "$3/.base-copied"
  exit 0
fi
if [ "${1:-}" = "--copy-wal" ]; then
  set +e
  # from the segment the backup starts in (backup_label names it), and the timelines' history files
  first=$(sed -n 's/^START WAL LOCATION: .*(file \([0-9A-F]*\)).*/\1/p' "$3/backup_label")
  [ -n "$first" ] || exit 0
  (cd "$2/pg_wal" && find . -maxdepth 1 -type f \( -name '*.history' -o -name '[0-9A-F]*' \) -printf '%P\n' \
    | awk -v first="$first" '/\.history$/ || (length($0) == 24 && $0 >= first)' | LC_ALL=C sort > "$3/.wal-files")
  tar -cf "$3/pg_wal.tar" -C "$2/pg_wal" --warning=no-file-changed --warning=no-file-removed --warning=no-file-shrank \
    -T "$3/.wal-files"
  rm -f "$3/.wal-files"
  [ $? -le 1 ] && touch "$3/.wal-copied"
  exit 0
fi

[ $# -eq 1 ] || fail "Cách dùng / Usage: backup.sh <thư mục sao lưu / backup directory>"
backup=$1
: "${PGDATA:?Đặt PGDATA (thư mục dữ liệu PostgreSQL) / set PGDATA (the PostgreSQL data directory)}"
: "${LOIVE_VAULT_KEYS_FILE:?Đặt LOIVE_VAULT_KEYS_FILE (tệp khóa của kho) / set LOIVE_VAULT_KEYS_FILE (the vault key file)}"
: "${LOIVE_AUDIT_WITNESS_DIRECTORY:?Đặt LOIVE_AUDIT_WITNESS_DIRECTORY (bản đối chứng) / set LOIVE_AUDIT_WITNESS_DIRECTORY (the audit witness)}"
[ -f "$PGDATA/PG_VERSION" ] || fail "PGDATA không phải thư mục dữ liệu PostgreSQL / PGDATA is not a PostgreSQL data directory: $PGDATA"
[ -f "$LOIVE_VAULT_KEYS_FILE" ] || fail "Không có tệp khóa / no key file at LOIVE_VAULT_KEYS_FILE: $LOIVE_VAULT_KEYS_FILE"
witness=$LOIVE_AUDIT_WITNESS_DIRECTORY/checkpoints.jsonl
[ -f "$witness" ] || fail "Không có bản đối chứng / no audit witness at LOIVE_AUDIT_WITNESS_DIRECTORY: $witness"
if [ -e "$backup" ] && [ -n "$(ls -A "$backup")" ]; then
  fail "Thư mục sao lưu đã có dữ liệu, không ghi đè / the backup directory is not empty and is not overwritten: $backup"
fi
command -v psql >/dev/null || fail "Cần psql (gói postgresql-client) / psql is needed (package postgresql-client)"
mkdir -p "$backup"/{database,vault,audit-witness}
backup=$(cd "$backup" && pwd)
pgdata=$(cd "$PGDATA" && pwd)
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# 1. The witness first: each checkpoint it holds had committed before it was written, so the database part,
#    taken after, holds every one of them (the other way round, the witness would be ahead of the database).
cp "$witness" "$backup/audit-witness/checkpoints.jsonl"

# 2. The key file: rotation replaces it atomically, so a copy is one version of it; compared again at the end.
cp "$LOIVE_VAULT_KEYS_FILE" "$backup/vault/keys.json"
chmod 600 "$backup/vault/keys.json"

# 3. The database: PostgreSQL's backup API in one session (a backup lasts as long as the session); a temporary
#    replication slot keeps the WAL from the backup's start until it is copied, and goes with the session.
slot="loive_backup_$$"
label="loive $started"
psql -X -q -At -v ON_ERROR_STOP=1 -d "${PGDATABASE:-postgres}" >/dev/null <<SQL \
  || fail "Phiên sao lưu của PostgreSQL thất bại (kết nối quản trị PGHOST, PGPORT, PGUSER?) / PostgreSQL's backup session failed (a superuser connection: PGHOST, PGPORT, PGUSER?)"
select pg_create_physical_replication_slot('$slot', true, true);
select pg_backup_start('$label', true);
\\! '$self' --copy-data '$pgdata' '$backup/database'
create temporary table backup_end as select * from pg_backup_stop(false);
\\o '$backup/database/backup_label'
select labelfile from backup_end;
\\o '$backup/database/tablespace_map'
select spcmapfile from backup_end;
\\o
\\! '$self' --copy-wal '$pgdata' '$backup/database'
SQL
[ -f "$backup/database/.base-copied" ] || fail "Chép thư mục dữ liệu không được / copying the data directory failed"
[ -f "$backup/database/.wal-copied" ] || fail "Chép WAL không được / copying the WAL failed"
rm "$backup/database/.base-copied" "$backup/database/.wal-copied"
grep -q '^START WAL LOCATION' "$backup/database/backup_label" || fail "backup_label không hợp lệ / no valid backup_label"

# 4. A key rotation during the backup would leave data keys the copied key file does not open: take it again.
cmp -s "$LOIVE_VAULT_KEYS_FILE" "$backup/vault/keys.json" \
  || fail "Tệp khóa đã thay đổi trong lúc sao lưu (xoay khóa?), hãy sao lưu lại / the key file changed during the backup (a key rotation?): back up again"

# 5. What, when, and the SHA-256 of every part.
{
  echo "format=loive-backup/1"
  echo "started=$started"
  echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "postgresql=$(cat "$pgdata/PG_VERSION")"
  sed -n 's/^START WAL LOCATION: \([^ ]*\).*/wal-start=\1/p' "$backup/database/backup_label"
  echo "witness-lines=$(grep -c . "$backup/audit-witness/checkpoints.jsonl" || true)"
} > "$backup/backup.info"
(cd "$backup" && find . -type f ! -name MANIFEST.sha256 -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum > MANIFEST.sha256)
say "Đã sao lưu / Backed up: $backup"
say "  $(wc -l < "$backup/MANIFEST.sha256") tệp / files, $(du -sh "$backup" | cut -f1)"
say "  Cất vault/keys.json riêng, xa phần cơ sở dữ liệu / Keep vault/keys.json apart from the database part (docs/backup-restore.md)"
