#!/usr/bin/env bash
# The stack's backup service: runs agentteam-backup (scripts/backup.sh, mounted as a config) every
# AGENTTEAM_BACKUP_INTERVAL seconds, after waiting for PostgreSQL. A failed run is logged and retried next time.
set -uo pipefail
export PGPASSWORD_FILE="${PGPASSWORD_FILE:-/run/secrets/agentteam_db_password}"
until pg_isready -q; do sleep 5; done
while true; do
  if /usr/local/bin/agentteam-backup; then echo "[backup-loop] backup done"; else echo "[backup-loop] backup FAILED" >&2; fi
  sleep "${AGENTTEAM_BACKUP_INTERVAL:-86400}"
done
