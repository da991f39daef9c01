#!/usr/bin/env bash
# Runs the whole of agent-team on this machine: local PostgreSQL + Redis, the orchestrator, then the
# six agents, as background processes with logs and PID files under .run/. Safe to run again: apps
# that are already running are left alone. Stop everything with scripts/stop-local.sh.
#
#   scripts/run-local.sh [--rebuild]
#
# Env: AGENT_TEAM_START_TIMEOUT (seconds per app, 180), AGENT_TEAM_JAVA_OPTS (JVM flags for every
# app), AGENT_TEAM_CDS (auto | off: class-data-sharing archives under .run/cds/), AGENT_TEAM_LIGHT_POOLS
# (on | off: small Tomcat pools for the agents), plus everything in .env / .env.example (values already in the
# environment win). What the light defaults are and why: docs/adr/light-stack.md.
set -euo pipefail
# shellcheck source=lib/local-env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/local-env.sh"

rebuild=0
case "${1:-}" in
  "") ;;
  --rebuild) rebuild=1 ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown option '$1' (try --help)" ;;
esac

TIMEOUT="${AGENT_TEAM_START_TIMEOUT:-180}"
# Seven JVMs share this machine: serial GC and C1 only keep start-up quick; a small initial heap that gives memory
# back after a collection, smaller thread stacks and code cache keep the idle team small (docs/adr/light-stack.md).
JAVA_OPTS_LOCAL="${AGENT_TEAM_JAVA_OPTS:--Xms16m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=48m}"
CDS="${AGENT_TEAM_CDS:-auto}"
LIGHT_POOLS="${AGENT_TEAM_LIGHT_POOLS:-on}"
case "$CDS" in auto|off) ;; *) die "AGENT_TEAM_CDS must be auto or off (got '$CDS')" ;; esac
case "$LIGHT_POOLS" in on|off) ;; *) die "AGENT_TEAM_LIGHT_POOLS must be on or off (got '$LIGHT_POOLS')" ;; esac

require_java
command -v curl >/dev/null 2>&1 || die "curl not found (apt-get install curl)"
load_local_env
bash "$ROOT_DIR/scripts/dev-services.sh"

stale=0 running=""
for a in $APPS; do
  jar_stale "${a%%:*}" && stale=1
  running_pid "${a%%:*}" >/dev/null && running="$running ${a%%:*}"
done
if [ "$rebuild" -eq 1 ] || [ "$stale" -eq 1 ]; then
  # Replacing a jar under a running JVM breaks its class loading: never rebuild underneath it.
  if [ -n "$running" ]; then
    [ "$rebuild" -eq 0 ] || die "running:$running; stop them first (scripts/stop-local.sh), then --rebuild"
    log "sources changed, but running:$running; keeping the current jars (scripts/stop-local.sh && scripts/run-local.sh picks up the changes)"
  else
    build_modules
    # Maven leaves a jar whose content did not change with its old date; the build has just checked every jar
    # against the current sources, so date them now, or they would look stale at every start and be rebuilt.
    for a in $APPS; do touch "$(app_jar "${a%%:*}")"; done
  fi
else
  log "jars are newer than their sources; skipping the build (--rebuild forces it)"
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Class data sharing (Java 17): the classes of a Spring Boot fat jar's nested jars cannot be archived, so an agent's
# jar is extracted once into .run/cds/<module>/ (again whenever the jar is newer), and a training start records the
# classes it loads into app.jsa: the agent refreshes its context and exits at once (-Dspring.context.exit=onRefresh,
# Spring's documented CDS training run), before its workers start, so it runs no task. Recording at the exit of a real
# start, as before, lost the archive whenever the team had worked: Java 17's dynamic dump crashes at the exit of an
# agent that ran tasks (docs/adr/light-stack.md). Real starts map the archive (-XX:SharedArchiveFile). A missing or
# stale archive only costs the speed-up: -Xshare stays auto. Not the orchestrator: the dump crashes on its lambda
# proxy classes even without work.
prepare_cds() {
  local module="$1" jar dir
  jar="$(app_jar "$module")"
  dir="$(cds_dir "$module")"
  if [ ! -f "$dir/.extracted" ] || [ "$jar" -nt "$dir/.extracted" ]; then
    rm -rf "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null || die "could not extract $jar for CDS"
    touch "$dir/.extracted"
  fi
  [ ! -s "$dir/app.jsa" ] || return 0
  log "recording $module's class-data-sharing archive (a training start that runs no task; once per build)"
  # shellcheck disable=SC2086
  if ! (apply_app_env "$module"
        SERVER_PORT=0 exec timeout 300 java $JAVA_OPTS_LOCAL -XX:ArchiveClassesAtExit="$dir/app.jsa" \
          -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" >"$(log_file "$module").cds" 2>&1 </dev/null); then
    rm -f "$dir/app.jsa"
    log "no archive for $module (${RUN_DIR#"$ROOT_DIR"/}/$module.log.cds); it starts without one"
  fi
}

# Prints the jar to launch and the CDS flag, separated by a tab.
launch_args() {
  local module="$1" jar dir
  jar="$(app_jar "$module")"
  if [ "$CDS" = off ] || [ "$module" = orchestrator-service ]; then printf '%s\t\n' "$jar"; return; fi
  prepare_cds "$module"
  dir="$(cds_dir "$module")"
  if [ -s "$dir/app.jsa" ]; then
    printf '%s\t%s\n' "$dir/$(basename "$jar")" "-XX:SharedArchiveFile=$dir/app.jsa"
  else
    printf '%s\t\n' "$dir/$(basename "$jar")"
  fi
}

# Starts one app unless it already runs; prints its PID.
start_app() {
  local module="$1" port="$2" pid
  if pid="$(running_pid "$module")"; then
    log "$module already running (pid $pid, port $port)"
    echo "$pid"; return 0
  fi
  rm -f "$(pid_file "$module")"
  port_taken "$port" && die "port $port is in use by another process; free it before starting $module"
  log "starting $module on port $port (log: ${RUN_DIR#"$ROOT_DIR"/}/$module.log)"
  # setsid: the app keeps running after this terminal closes or gets Ctrl-C.
  local pools=() jar cds
  # An agent's HTTP port serves only health and metrics: a few Tomcat threads do (settings from .env still win).
  if [ "$LIGHT_POOLS" = on ] && [ "$module" != orchestrator-service ]; then
    pools=("SERVER_TOMCAT_THREADS_MAX=${SERVER_TOMCAT_THREADS_MAX:-8}"
           "SERVER_TOMCAT_THREADS_MIN_SPARE=${SERVER_TOMCAT_THREADS_MIN_SPARE:-1}")
  fi
  IFS=$'\t' read -r jar cds <<<"$(launch_args "$module")"
  # Agents get only their own agent token: the forge's admin token and the other agents' tokens stay out (apply_app_env).
  # shellcheck disable=SC2086
  pid="$(apply_app_env "$module"
    SERVER_PORT="$port" setsid nohup env "${pools[@]}" java $JAVA_OPTS_LOCAL $cds -jar "$jar" \
      >"$(log_file "$module")" 2>&1 </dev/null &
    echo "$!")"
  echo "$pid" >"$(pid_file "$module")"
  echo "$pid"
}

read -r first rest <<<"$APPS"
orch="${first%%:*}"; orch_port="${first##*:}"
pid="$(start_app "$orch" "$orch_port")"
wait_healthy "$orch" "$orch_port" "$TIMEOUT" "$pid" || die "$orch did not come up; agents not started"

# The agents' training starts, all at once, once the schema exists (the first run after a build pays for them once).
if [ "$CDS" = auto ]; then
  for a in $rest; do running_pid "${a%%:*}" >/dev/null || prepare_cds "${a%%:*}" & done
  wait
fi
declare -A pids
for a in $rest; do pids[${a%%:*}]="$(start_app "${a%%:*}" "${a##*:}")"; done
failed=""
for a in $rest; do
  wait_healthy "${a%%:*}" "${a##*:}" "$TIMEOUT" "${pids[${a%%:*}]}" || failed="$failed ${a%%:*}"
done
[ -z "$failed" ] || die "not UP:$failed (the others keep running; scripts/stop-local.sh stops them)"

cat <<INFO

agent-team is running.
  Web UI             http://localhost:${orch_port}/
  Orchestrator API   http://localhost:${orch_port}/api
  Swagger UI         http://localhost:${orch_port}/swagger-ui.html
  Health / metrics   http://localhost:${orch_port}/actuator/health   /actuator/prometheus (a viewer's API token)
INFO
for a in $rest; do printf '  %-18s http://localhost:%s/actuator/health\n' "${a%%:*}" "${a##*:}"; done
if [ "$AGENTTEAM_LLM_PROVIDER" = "scripted" ]; then
  cat <<INFO

  LLM: 'scripted' -- a DEMO model that replays canned scenario files; it does not think.
  For a real model set AGENTTEAM_LLM_PROVIDER (openai | ollama | anthropic) with AGENTTEAM_LLM_MODEL,
  AGENTTEAM_LLM_BASE_URL / AGENTTEAM_LLM_API_KEY in .env, then: scripts/stop-local.sh && scripts/run-local.sh
INFO
else
  printf '\n  LLM: %s %s\n' "$AGENTTEAM_LLM_PROVIDER" "${AGENTTEAM_LLM_MODEL:-}"
fi
cat <<INFO

  Logs and PIDs: ${RUN_DIR}
  Stop:          scripts/stop-local.sh
INFO

# The first start creates the administrator with a generated password (unless AGENTTEAM_ADMIN_PASSWORD was set) and
# writes it to an owner-only file, never to the log: show it here, to the person who ran this script, while it is there.
password_file="${AGENTTEAM_DATA_DIR}/initial-admin-password"
if [ -r "$password_file" ]; then
  printf '\n  First start: sign in at http://localhost:%s/login as %s with the password\n    %s\n  (from %s; delete the file once you have signed in)\n' \
    "${orch_port}" "${AGENTTEAM_ADMIN_USERNAME:-admin}" "$(cat "$password_file")" "${password_file#"$ROOT_DIR"/}"
fi
