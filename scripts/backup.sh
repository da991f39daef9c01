#!/usr/bin/env bash
# One backup of agent-team: the PostgreSQL database, the embedded forge's repositories (the data directory) and the
# artifacts (a MinIO data directory or the local artifacts directory), in a new directory with a manifest of
# checksums; then keeps only the newest AGENTTEAM_BACKUP_KEEP backups. Restore with scripts/restore.sh.
#   scripts/backup.sh                    (locally, after scripts/run-local.sh: the local database and .run/data)
# Inside the stack's backup service it runs every AGENTTEAM_BACKUP_INTERVAL seconds (infra/backup/backup-loop.sh).
# Settings (environment):
#   PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD   the database (libpq's own variables; PGPASSWORD_FILE also works)
#   AGENTTEAM_BACKUP_DIR        where backups go (default .run/backups)
#   AGENTTEAM_BACKUP_DATA_DIR   the orchestrator's data directory: repos/ and artifacts/ (default .run/data)
#   AGENTTEAM_BACKUP_MINIO_DIR  a MinIO server's data directory, when artifacts live in MinIO (default: none)
#   AGENTTEAM_BACKUP_KEEP       backups kept (default 14)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -f "$here/../pom.xml" ] && cd "$here/.."   # in the repository: relative defaults are the checkout's

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-${AGENT_TEAM_DB_USER:-agentteam}}"
export PGDATABASE="${PGDATABASE:-${AGENT_TEAM_DB_NAME:-agentteam}}"
if [ -z "${PGPASSWORD:-}" ]; then
  if [ -n "${PGPASSWORD_FILE:-}" ]; then PGPASSWORD="$(cat "$PGPASSWORD_FILE")"; else PGPASSWORD="${AGENT_TEAM_DB_PASSWORD:-agentteam-local-dev}"; fi
  export PGPASSWORD
fi
dest_root="${AGENTTEAM_BACKUP_DIR:-.run/backups}"
data_dir="${AGENTTEAM_BACKUP_DATA_DIR:-.run/data}"
minio_dir="${AGENTTEAM_BACKUP_MINIO_DIR:-}"
keep="${AGENTTEAM_BACKUP_KEEP:-14}"

log() { printf '[backup] %s\n' "$*" >&2; }
name="agentteam-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dest_root"
work="$dest_root/.$name.partial"
rm -rf "$work" && mkdir -p "$work"

# A custom-format dump: consistent (one snapshot), compressed, restorable table by table.
pg_dump --format=custom --no-owner --no-privileges --file="$work/database.dump"
log "database $PGDATABASE on $PGHOST:$PGPORT dumped"

# Bare repositories and local artifacts. Git writes objects before refs, so a copy taken while a push runs may
# miss that push but is never corrupt; `git fsck` in restore.sh checks it.
if [ -d "$data_dir" ]; then
  parts=()
  for part in repos artifacts; do [ -d "$data_dir/$part" ] && parts+=("$part"); done
  tar -C "$data_dir" -czf "$work/data.tar.gz" "${parts[@]}"
  log "data directory $data_dir: ${parts[*]:-nothing to copy}"
else
  log "no data directory at $data_dir (GitHub-only installation?): skipped"
fi
if [ -n "$minio_dir" ]; then
  tar -C "$minio_dir" -czf "$work/minio.tar.gz" .
  log "MinIO data $minio_dir archived"
fi

sums="$(cd "$work" && sha256sum -- *)"
printf 'created=%s\ndatabase=%s\n%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$PGDATABASE" "$sums" >"$work/MANIFEST"
mv "$work" "$dest_root/$name"
echo "$dest_root/$name"

# Retention: the newest $keep complete backups stay.
ls -1d "$dest_root"/agentteam-* 2>/dev/null | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
  rm -rf -- "$old" && log "removed old backup $old"
done
