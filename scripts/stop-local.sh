#!/usr/bin/env bash
# Stops exactly the apps scripts/run-local.sh started (the PIDs in .run/*.pid): TERM, wait, then KILL
# after AGENT_TEAM_STOP_TIMEOUT seconds (30). Removes the PID files. Touches nothing else, not even
# PostgreSQL and Redis.
set -euo pipefail
# shellcheck source=lib/local-env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/local-env.sh"

TIMEOUT="${AGENT_TEAM_STOP_TIMEOUT:-30}"
[ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ] && { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0; }

# Agents first, the orchestrator last (so results in flight still have somewhere to go).
order=""
for a in $APPS; do order="${a%%:*} $order"; done

stopping=""
for module in $order; do
  if pid="$(running_pid "$module")"; then
    log "stopping $module (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    stopping="$stopping $module:$pid"
  elif [ -f "$(pid_file "$module")" ]; then
    log "$module was not running; removing its stale PID file"
    rm -f "$(pid_file "$module")"
  fi
done
[ -n "$stopping" ] || { log "nothing to stop"; exit 0; }

waited=0
for entry in $stopping; do
  module="${entry%%:*}"; pid="${entry##*:}"
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt "$TIMEOUT" ]; do sleep 1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    log "$module (pid $pid) ignored TERM for ${TIMEOUT}s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$module")"
done
log "stopped:$(for e in $stopping; do printf ' %s' "${e%%:*}"; done)"
