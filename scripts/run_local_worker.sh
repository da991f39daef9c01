#!/usr/bin/env bash
# Runs ONE agent in the foreground against the local services, for development (Ctrl-C stops it).
#
#   scripts/run_local_worker.sh <po|scrum|dev|qa|review|cicd> [--rebuild] [extra Spring args...]
#
# The orchestrator must have migrated the database once (scripts/run-local.sh, or run it alone).
# Uses the agent's usual port (8081..8086) unless SERVER_PORT is set; reads .env like run-local.sh.
set -euo pipefail
# shellcheck source=lib/local-env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/local-env.sh"

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }
role="${1:-}"
case "$role" in -h|--help) usage; exit 0 ;; "") usage >&2; exit 2 ;; esac
shift
valid=0
for r in $ROLES; do [ "$r" = "$role" ] && valid=1; done
[ "$valid" -eq 1 ] || { log "unknown role '$role'; expected one of: $ROLES"; exit 2; }

rebuild=0
if [ "${1:-}" = "--rebuild" ]; then rebuild=1; shift; fi

module="${role}-agent"
port="${SERVER_PORT:-$(app_port "$module")}"
if pid="$(running_pid "$module")"; then
  die "$module already runs in the background (pid $pid, from run-local.sh); stop it first: scripts/stop-local.sh"
fi

require_java
load_local_env
bash "$ROOT_DIR/scripts/dev-services.sh"
if [ "$rebuild" -eq 1 ] || jar_stale "$module"; then
  build_modules -pl "$module" -am
  touch "$(app_jar "$module")" # checked against the current sources just now (an unchanged jar keeps its old date)
fi

log "running $module on port $port with LLM provider '$AGENTTEAM_LLM_PROVIDER' (Ctrl-C stops it)"
[ "$AGENTTEAM_LLM_PROVIDER" != "scripted" ] || log "'scripted' is a demo model replaying canned scenarios; set AGENTTEAM_LLM_PROVIDER for a real one"
# shellcheck disable=SC2086
# Like run-local.sh: the agent sees its own agent token only, none of the orchestrator's secrets.
apply_app_env "$module"
SERVER_PORT="$port" exec java ${AGENT_TEAM_JAVA_OPTS:-} -jar "$(app_jar "$module")" "$@"
