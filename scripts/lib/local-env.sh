# Shared by run-local.sh, stop-local.sh and run_local_worker.sh (sourced, not executed).
# One place for the app table, the local defaults and the "is the jar stale?" check.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# .env (or AGENT_TEAM_ENV_FILE) first, so every setting below may come from it, and only for variables that are not
# in the environment already: the environment wins over .env, .env over the defaults (docs/configuration.md).
load_dotenv() {
  local file="$1" line name
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)= ]] || continue
    name="${BASH_REMATCH[2]}"
    [ -n "${!name+x}" ] && continue
    eval "export ${line#export }"
  done <"$file"
}
load_dotenv "${AGENT_TEAM_ENV_FILE:-$ROOT_DIR/.env}"
RUN_DIR="${AGENT_TEAM_RUN_DIR:-$ROOT_DIR/.run}"
VERSION="0.1.0-SNAPSHOT"

# module:port, orchestrator first (it runs the Flyway migrations the agents rely on). AGENT_TEAM_PORT_BASE (8080)
# moves all seven ports, so a second checkout can run its own team next to the first.
PORT_BASE="${AGENT_TEAM_PORT_BASE:-8080}"
APPS="orchestrator-service:$PORT_BASE po-agent:$((PORT_BASE + 1)) scrum-agent:$((PORT_BASE + 2)) dev-agent:$((PORT_BASE + 3)) qa-agent:$((PORT_BASE + 4)) review-agent:$((PORT_BASE + 5)) cicd-agent:$((PORT_BASE + 6))"
ROLES="po scrum dev qa review cicd"

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

app_port() { local a; for a in $APPS; do [ "${a%%:*}" = "$1" ] && { echo "${a##*:}"; return; }; done; return 1; }
app_jar() { echo "$ROOT_DIR/$1/target/$1-$VERSION.jar"; }
# Where run-local.sh keeps a module's extracted jar and its class-data-sharing archive (docs/adr/light-stack.md).
cds_dir() { echo "$RUN_DIR/cds/$1"; }
pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$RUN_DIR/$1.log"; }

# A PID file only counts when its process is alive AND still runs our jar: after a reboot the
# number may belong to something else, which we must neither report as running nor kill.
running_pid() {
  local f pid
  f="$(pid_file "$1")"
  [ -f "$f" ] || return 1
  pid="$(tr -dc '0-9' <"$f")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -e "$(app_jar "$1")" -e "$(cds_dir "$1")/" || return 1
  echo "$pid"
}

# Local defaults; anything already in the environment (or in .env, loaded above) wins.
load_local_env() {
  export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/${AGENT_TEAM_DB_NAME:-agentteam}}"
  export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-agentteam}"
  export SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-agentteam-local-dev}"
  export SPRING_DATA_REDIS_HOST="${SPRING_DATA_REDIS_HOST:-127.0.0.1}"
  export SPRING_DATA_REDIS_PORT="${SPRING_DATA_REDIS_PORT:-6379}"
  # AGENT_TEAM_REDIS_DB: the Redis index of this team (0), so a second team on the same Redis keeps its own queues.
  export SPRING_DATA_REDIS_DATABASE="${SPRING_DATA_REDIS_DATABASE:-${AGENT_TEAM_REDIS_DB:-0}}"
  # A local Redis with requirepass (scripts/dev-services.sh sets it when AGENT_TEAM_REDIS_PASSWORD is given).
  if [ -n "${AGENT_TEAM_REDIS_PASSWORD:-}" ]; then
    export SPRING_DATA_REDIS_PASSWORD="${SPRING_DATA_REDIS_PASSWORD:-$AGENT_TEAM_REDIS_PASSWORD}"
  fi
  export AGENTTEAM_LLM_PROVIDER="${AGENTTEAM_LLM_PROVIDER:-scripted}"
  export AGENTTEAM_DATA_DIR="${AGENTTEAM_DATA_DIR:-$RUN_DIR/data}"
  mkdir -p "$RUN_DIR" "$AGENTTEAM_DATA_DIR"
  # What this team uses, so the test suite can refuse the same database and Redis index (TestServicesGuard).
  printf 'database=%s\nredis-database=%s\n' "$(basename "${SPRING_DATASOURCE_URL%%\?*}")" "${SPRING_DATA_REDIS_DATABASE:-0}" \
    >"$RUN_DIR/team.properties"
  # Secrets: random, made once per checkout and kept in the run directory (never committed). The forge's admin token
  # stays with the orchestrator; each agent gets only its role's agent token (apply_app_env), with which it fetches
  # the forge credential of each task it runs (docs/adr/forge-trust.md). No agent holds a forge token.
  export AGENTTEAM_FORGE_ADMIN_TOKEN="${AGENTTEAM_FORGE_ADMIN_TOKEN:-$(local_secret forge-admin-token)}"
  local role var
  for role in dev qa review cicd; do
    var="AGENTTEAM_AGENT_TOKEN_${role^^}"
    export "$var=${!var:-$(local_secret "agent-token-$role")}"
  done
  # The demo repository (template demo-python) the demo epic lands in; the orchestrator registers it when missing.
  export AGENTTEAM_FORGE_DEMO_REPOSITORY="${AGENTTEAM_FORGE_DEMO_REPOSITORY:-demo}"
}

# Narrows this shell's environment to what <module>'s process may see (call it in the subshell that starts it): an
# agent loses the orchestrator's secrets — the forge's admin token, any forge token, every agent token — and gets
# its own role's agent token as AGENTTEAM_AGENT_TOKEN. The orchestrator keeps everything.
apply_app_env() {
  local module="$1" role own=""
  [ "$module" = orchestrator-service ] && return 0
  role="${module%-agent}"
  own="AGENTTEAM_AGENT_TOKEN_${role^^}"
  own="${!own:-}"
  unset AGENTTEAM_FORGE_ADMIN_TOKEN AGENTTEAM_FORGE_TOKENS AGENTTEAM_FORGE_TOKEN AGENTTEAM_EMBEDDED_FORGE_TOKEN \
    AGENTTEAM_AGENT_TOKEN
  for role in $ROLES; do unset "AGENTTEAM_AGENT_TOKEN_${role^^}"; done
  if [ -n "$own" ]; then export AGENTTEAM_AGENT_TOKEN="$own"; fi
}

# Prints the secret stored in $RUN_DIR/<name>, creating a random one the first time.
local_secret() {
  local f="$RUN_DIR/$1"
  if [ ! -s "$f" ]; then
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -dc '0-9a-f' >"$f")
  fi
  cat "$f"
}

require_java() {
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  local v
  v="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed (found ${v:-unknown})"
}

# True when a module's jar is missing or older than anything it is built from. The migrations ship in the
# orchestrator only: Maven leaves an agent's jar untouched when its content is unchanged, so a new migration must not
# make an agent's jar look stale.
jar_stale() {
  local jar
  jar="$(app_jar "$1")"
  [ -f "$jar" ] || return 0
  [ -n "$(find "$ROOT_DIR/pom.xml" "$ROOT_DIR/$1/pom.xml" "$ROOT_DIR/$1/src" \
      "$ROOT_DIR"/agents-common/pom.xml "$ROOT_DIR"/agents-common/*/pom.xml "$ROOT_DIR"/agents-common/*/src/main \
      $( [ "$1" = orchestrator-service ] && echo "$ROOT_DIR/migrations" ) \
      $( [ -d "$ROOT_DIR/prompts" ] && echo "$ROOT_DIR/prompts" ) \
      -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

build_modules() {
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Maven (apt-get install maven)"
  log "building: mvn -B -ntp -DskipTests package $*"
  (cd "$ROOT_DIR" && mvn -B -ntp -q -Dstyle.color=never -DskipTests package "$@") || die "build failed"
}

# Waits until /actuator/health says UP. Fails early when the process dies. Polls twice a second: the agents start only
# once the orchestrator is UP, so a coarser poll adds its interval to every start (docs/benchmarks.md, start time).
wait_healthy() {
  local module="$1" port="$2" timeout="$3" pid="$4" deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -fsS --max-time 2 "http://127.0.0.1:${port}/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(pid_file "$module")"
      log "$module exited during start-up; last lines of $(log_file "$module"):"
      tail -n 40 "$(log_file "$module")" >&2
      return 1
    fi
    sleep 0.5
  done
  log "$module is not UP after ${timeout}s; last lines of $(log_file "$module"):"
  tail -n 40 "$(log_file "$module")" >&2
  return 1
}
