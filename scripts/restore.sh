#!/usr/bin/env bash
# Restores one backup made by scripts/backup.sh into an EMPTY database and an empty data directory:
#   scripts/restore.sh <backup-dir>
# Settings (environment): PGHOST, PGPORT, PGUSER, PGPASSWORD (or PGPASSWORD_FILE), PGDATABASE — the target database,
# which must exist, be empty and have the vector extension (create it as a superuser first:
# `create extension vector`); AGENTTEAM_RESTORE_DATA_DIR — the target data directory (default .run/data);
# AGENTTEAM_RESTORE_MINIO_DIR — the target MinIO data directory when the backup has one.
# Stop the apps first (docs/deployment.md, "Restore"); start them afterwards: Flyway finds the schema up to date.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -f "$here/../pom.xml" ] && cd "$here/.."

backup="${1:?usage: scripts/restore.sh <backup-dir>}"
[ -f "$backup/MANIFEST" ] || { echo "[restore] $backup is not a backup (no MANIFEST)" >&2; exit 1; }
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-${AGENT_TEAM_DB_USER:-agentteam}}"
export PGDATABASE="${PGDATABASE:?set PGDATABASE, the empty database to restore into}"
if [ -z "${PGPASSWORD:-}" ]; then
  if [ -n "${PGPASSWORD_FILE:-}" ]; then PGPASSWORD="$(cat "$PGPASSWORD_FILE")"; else PGPASSWORD="${AGENT_TEAM_DB_PASSWORD:-agentteam-local-dev}"; fi
  export PGPASSWORD
fi
data_dir="${AGENTTEAM_RESTORE_DATA_DIR:-.run/data}"
log() { printf '[restore] %s\n' "$*" >&2; }

# Nothing is restored from a backup that does not match its own manifest.
(cd "$backup" && grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum --quiet -c -) || { log "checksums do not match: $backup is damaged"; exit 1; }

tables="$(psql -XAtc "select count(*) from information_schema.tables where table_schema = 'public'")"
[ "$tables" = 0 ] || { log "database $PGDATABASE is not empty ($tables tables): restore into a fresh one"; exit 1; }
# The extension needs a superuser; it must be there already (the dump's own CREATE EXTENSION is skipped).
[ "$(psql -XAtc "select count(*) from pg_extension where extname = 'vector'")" = 1 ] \
  || { log "database $PGDATABASE lacks the vector extension: run 'create extension vector' in it as a superuser"; exit 1; }
pg_restore --exit-on-error --no-owner --no-privileges --no-comments --single-transaction \
  --use-list=<(pg_restore --list "$backup/database.dump" | grep -v ' EXTENSION ') \
  --dbname="$PGDATABASE" "$backup/database.dump"
log "database restored into $PGDATABASE"

if [ -f "$backup/data.tar.gz" ]; then
  mkdir -p "$data_dir"
  [ -z "$(ls -A "$data_dir" 2>/dev/null)" ] || { log "data directory $data_dir is not empty"; exit 1; }
  tar -C "$data_dir" -xzf "$backup/data.tar.gz"
  if [ -d "$data_dir/repos" ]; then
    for repo in "$data_dir"/repos/*.git; do
      [ -d "$repo" ] || continue
      git --git-dir="$repo" fsck --no-dangling --no-progress >/dev/null || { log "repository $repo fails git fsck"; exit 1; }
    done
  fi
  log "data directory restored into $data_dir"
fi
if [ -f "$backup/minio.tar.gz" ]; then
  minio_dir="${AGENTTEAM_RESTORE_MINIO_DIR:?the backup holds MinIO data: set AGENTTEAM_RESTORE_MINIO_DIR}"
  mkdir -p "$minio_dir" && tar -C "$minio_dir" -xzf "$backup/minio.tar.gz"
  log "MinIO data restored into $minio_dir"
fi
log "done: $backup"
