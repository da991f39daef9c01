#!/usr/bin/env bash
# Starts a complete, fresh agent-team in isolation — its own database, Redis index, ports and run directory — runs
# scripts/walkthrough-test.sh (the docs' walk-throughs, as written) and scripts/attack-test.sh (issue 13's attacks)
# against it, and always stops it again, dropping its database and emptying its Redis index. A team started with
# scripts/run-local.sh's defaults (database agentteam, Redis index 0, ports 8080-8086, .run/) is not touched.
# scripts/test.sh runs this after `mvn verify`; it builds nothing: the jars must be there and newer than their
# sources (mvn -DskipTests package).
#
#   scripts/stack-test.sh
#
# Env: AGENT_TEAM_STACK_DB (agentteam_stack_test; the name must contain "test"), AGENT_TEAM_STACK_REDIS_DB (14),
# AGENT_TEAM_STACK_PORT_BASE (8480: ports base … base+6), AGENT_TEAM_STACK_RUN_DIR (target/stack-test: logs stay
# there afterwards, secrets and data are removed). .env is not read: the stack runs on the defaults plus these.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

export AGENT_TEAM_ENV_FILE=/dev/null
export AGENT_TEAM_DB_NAME="${AGENT_TEAM_STACK_DB:-agentteam_stack_test}"
export AGENT_TEAM_REDIS_DB="${AGENT_TEAM_STACK_REDIS_DB:-14}"
export AGENT_TEAM_PORT_BASE="${AGENT_TEAM_STACK_PORT_BASE:-8480}"
export AGENT_TEAM_RUN_DIR="${AGENT_TEAM_STACK_RUN_DIR:-$ROOT/target/stack-test}"
# No class-data-sharing archives (dumping them at stop costs more than they save on one start), no .env values.
export AGENT_TEAM_CDS=off
export AGENT_TEAM_START_TIMEOUT="${AGENT_TEAM_START_TIMEOUT:-300}"
unset SPRING_DATASOURCE_URL SPRING_DATA_REDIS_DATABASE AGENTTEAM_DATA_DIR AGENTTEAM_FORGE_TOKEN AGENTTEAM_FORGE_TOKENS \
  AGENTTEAM_FORGE_ADMIN_TOKEN
# shellcheck source=lib/local-env.sh
. scripts/lib/local-env.sh

case "$AGENT_TEAM_DB_NAME" in *test*) ;; *) die "AGENT_TEAM_STACK_DB must contain 'test' (it is dropped afterwards)" ;; esac
[ "$AGENT_TEAM_REDIS_DB" != 0 ] || die "AGENT_TEAM_STACK_REDIS_DB must not be 0 (run-local.sh's team)"
[ "$AGENT_TEAM_PORT_BASE" != 8080 ] || die "AGENT_TEAM_STACK_PORT_BASE must not be 8080 (run-local.sh's team)"
# scripts/test.sh runs this right after its own `mvn verify`, which packaged every jar: Maven leaves a jar untouched
# when its content did not change, so its date says nothing then. Run alone, the jars must be newer than their sources.
if [ "${AGENT_TEAM_STACK_JARS_BUILT:-}" = 1 ]; then
  for a in $APPS; do [ -f "$(app_jar "${a%%:*}")" ] || die "${a%%:*}'s jar is missing: build first (mvn -DskipTests package)"; done
else
  for a in $APPS; do
    jar_stale "${a%%:*}" && die "${a%%:*}'s jar is missing or older than its sources: build first (mvn -DskipTests package)"
  done
fi
for a in $APPS; do
  (exec 3<>"/dev/tcp/127.0.0.1/${a##*:}") 2>/dev/null && die "port ${a##*:} is in use; set AGENT_TEAM_STACK_PORT_BASE"
done

flush_redis() {
  local auth=(); [ -z "${AGENT_TEAM_REDIS_PASSWORD:-}" ] || auth=(env REDISCLI_AUTH="$AGENT_TEAM_REDIS_PASSWORD")
  "${auth[@]}" redis-cli -h 127.0.0.1 -n "$AGENT_TEAM_REDIS_DB" --no-auth-warning flushdb | grep -qx OK
}
finish() {
  local status=$?
  bash scripts/stop-local.sh || true
  bash scripts/dev-services.sh --drop-test-db "$AGENT_TEAM_DB_NAME" || true
  flush_redis || true
  # Keep the logs for whoever looks into a failure; nothing else of the run (tokens, the admin password, repositories).
  find "$RUN_DIR" -mindepth 1 -maxdepth 1 ! -name '*.log' -exec rm -rf {} + 2>/dev/null || true
  [ "$status" -eq 0 ] && log "walk-throughs and attack replay passed" \
    || log "FAILED (exit $status); the apps' logs: ${RUN_DIR#"$ROOT"/}/*.log"
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

rm -rf "$RUN_DIR"
bash scripts/dev-services.sh --reset-test-db "$AGENT_TEAM_DB_NAME"
flush_redis || die "cannot reach Redis index $AGENT_TEAM_REDIS_DB"
# The webhook attacks sign deliveries with this stack's own secret.
AGENTTEAM_GITHUB_WEBHOOK_SECRET="$(head -c 24 /dev/urandom | od -An -tx1 | tr -dc '0-9a-f')"
export AGENTTEAM_GITHUB_WEBHOOK_SECRET

started=$(date +%s)
mkdir -p "$RUN_DIR"
# Its output names the admin password: kept in the run directory, which finish() empties of everything but the logs.
bash scripts/run-local.sh </dev/null >"$RUN_DIR/run-local.out" 2>&1 \
  || { tail -n 40 "$RUN_DIR/run-local.out" >&2; die "the stack did not start"; }
log "stack up on ports $AGENT_TEAM_PORT_BASE+ in $(($(date +%s) - started)) s (database $AGENT_TEAM_DB_NAME, Redis index $AGENT_TEAM_REDIS_DB)"
bash scripts/walkthrough-test.sh </dev/null
log "walk-throughs done after $(($(date +%s) - started)) s"
bash scripts/attack-test.sh </dev/null
log "attack replay done after $(($(date +%s) - started)) s"
