#!/usr/bin/env bash
# Lối Về — khôi phục / restore (docs/backup-restore.md).
#
#   tools/backup/restore.sh [--keys-file <keys.json>] [--start <port>] <backup-directory> <target-directory>
#
# Checks every part of a backup made by backup.sh against its manifest, then makes, in a new target directory:
#   postgres/                    a PostgreSQL data directory: the base backup, its WAL and backup_label, so that
#                                PostgreSQL replays the WAL to the end of the backup on its first start
#   vault/keys.json              the vault's key file: from the backup, or --keys-file when it is kept apart
#   audit-witness/               the audit witness as it was backed up
# Without the key file it refuses: without it no person can be read. With --start it starts PostgreSQL on the
# new data directory (pg_ctl of PG_BIN, or of the PATH; listening on 127.0.0.1:<port>, log postgres.log); stop it
# with "pg_ctl -D <target>/postgres stop". Then run check.sh against it.
set -euo pipefail

say() { printf '%s\n' "$*" >&2; }
fail() { say "restore.sh: $1"; exit "${2:-1}"; }

keys=
port=
while [ $# -gt 0 ]; do
  case $1 in
    --keys-file) keys=$2; shift 2 ;;
    --start) port=$2; shift 2 ;;
    --) shift; break ;;
    -*) fail "Tùy chọn không rõ / unknown option: $1" 2 ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || fail "Cách dùng / Usage: restore.sh [--keys-file <keys.json>] [--start <port>] <backup-directory> <target-directory>" 2
backup=$1
target=$2
[ -f "$backup/MANIFEST.sha256" ] || fail "Không phải bản sao lưu (thiếu MANIFEST.sha256) / not a backup (no MANIFEST.sha256): $backup" 2
grep -q '^format=loive-backup/1$' "$backup/backup.info" 2>/dev/null \
  || fail "Không phải bản sao lưu loive-backup/1 / not a loive-backup/1 backup: $backup" 2
if [ -e "$target" ] && [ -n "$(ls -A "$target")" ]; then
  fail "Thư mục đích đã có dữ liệu, không ghi đè / the target directory is not empty and is not overwritten: $target" 2
fi

# The key file first: without it the restore is of no use, so say so before anything is written.
keys=${keys:-$backup/vault/keys.json}
if [ ! -f "$keys" ]; then
  fail "Thiếu tệp khóa của kho dữ liệu nạn nhân: $keys. Lấy vault/keys.json từ nơi cất khóa (tách khỏi cơ sở dữ liệu) \
rồi đặt vào bản sao lưu hoặc chỉ bằng --keys-file; không có nó không đọc được người nào (loive.vault.keys-file, \
LOIVE_VAULT_KEYS_FILE). / The vault's key file is missing: $keys. Take vault/keys.json from the key store (kept apart \
from the database) and put it in the backup or give it with --keys-file; without it no person can be read \
(loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)." 3
fi
expected=$(awk '$2 == "vault/keys.json" { print $1 }' "$backup/MANIFEST.sha256")
actual=$(sha256sum "$keys" | cut -d' ' -f1)
[ "$expected" = "$actual" ] || fail "Tệp khóa $keys không phải tệp của bản sao lưu này (SHA-256 khác) / the key file $keys is not \
this backup's (its SHA-256 differs from the manifest's)" 3

# Every other part against the manifest: a part altered or cut short is found before PostgreSQL reads it.
(cd "$backup" && grep -v '  vault/keys.json$' MANIFEST.sha256 | sha256sum --check --quiet --strict) \
  || fail "Bản sao lưu hỏng: một phần không khớp MANIFEST.sha256 / the backup is damaged: a part does not match MANIFEST.sha256" 4

mkdir -p "$target"/{postgres,vault,audit-witness}
target=$(cd "$target" && pwd)
data=$target/postgres
tar -xf "$backup/database/base.tar" -C "$data"
mkdir -p "$data/pg_wal"
tar -xf "$backup/database/pg_wal.tar" -C "$data/pg_wal"
cp "$backup/database/backup_label" "$data/backup_label"
# an empty map (no tablespace) is left out: PostgreSQL reads every line of one that is there
if grep -q '[^[:space:]]' "$backup/database/tablespace_map"; then
  cp "$backup/database/tablespace_map" "$data/tablespace_map"
fi
chmod 700 "$data"
cp "$keys" "$target/vault/keys.json"
chmod 600 "$target/vault/keys.json"
cp "$backup/audit-witness/checkpoints.jsonl" "$target/audit-witness/checkpoints.jsonl"
say "Đã khôi phục / Restored into: $target"
say "  LOIVE_VAULT_KEYS_FILE=$target/vault/keys.json"
say "  LOIVE_AUDIT_WITNESS_DIRECTORY=$target/audit-witness"

if [ -n "$port" ]; then
  pg_ctl=${PG_BIN:+$PG_BIN/}pg_ctl
  # PostgreSQL refuses to run as root: in a user namespace of its own it runs as the owner of its files
  as_owner=()
  if [ "$(id -u)" = 0 ]; then
    command -v unshare >/dev/null || fail "Chạy PostgreSQL với người dùng khác root / run PostgreSQL as a user other than root"
    as_owner=(unshare -U)
  fi
  "${as_owner[@]}" "$pg_ctl" -D "$data" -l "$target/postgres.log" -w -t 300 \
    -o "-p $port -c listen_addresses=127.0.0.1" start >/dev/null \
    || fail "PostgreSQL không khởi động được trên bản khôi phục, xem / PostgreSQL did not start on the restore, see: $target/postgres.log"
  say "  PostgreSQL: 127.0.0.1:$port (${as_owner[*]:+${as_owner[*]} }$pg_ctl -D $data stop)"
fi
