#!/usr/bin/env bash
# The Swarm stack, run without Docker: renders infra/docker-stack.yml with `docker stack config`, then starts each of
# the seven apps as a local process with exactly the environment the stack gives it and its Docker secrets as
# configtree files, against the local PostgreSQL and Redis, and runs the demo epic through them until the Dev agent's
# pull request has CI and a review.   scripts/stack-smoke.sh        (needs scripts/dev-services.sh's services, Java, Maven)
# What differs from Swarm, and only that: service names become 127.0.0.1 with one port pair per app (the stack's
# 8080/8081 would collide on one host); the database is a fresh one (agentteam_stacksmoke_test) and Redis index
# AGENT_TEAM_SMOKE_REDIS_DB (13); secrets live in a temporary directory instead of /run/secrets; the stack's MinIO is
# replaced by the directory artifact store (AGENTTEAM_ARTIFACTS_ENDPOINT is dropped), the model is the scripted one, and
# the apps sign in to the local Redis as its default user (the stack's per-app ACL users exist only in the stack's Redis,
# and the shared local one is left as it is): SPRING_DATA_REDIS_USERNAME is dropped, and each app's Redis password secret
# holds AGENT_TEAM_REDIS_PASSWORD when the local Redis has one (requirepass) and is left out when it has none.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/stack.sh

work="$(mktemp -d /tmp/stack-smoke.XXXXXX)"
base="${AGENT_TEAM_SMOKE_PORT_BASE:-9700}"
db="agentteam_stacksmoke_test"
redis_db="${AGENT_TEAM_SMOKE_REDIS_DB:-13}"
timeout="${AGENT_TEAM_SMOKE_TIMEOUT:-900}"
apps="orchestrator:orchestrator-service po-agent:po-agent scrum-agent:scrum-agent dev-agent:dev-agent qa-agent:qa-agent review-agent:review-agent cicd-agent:cicd-agent"
pids=()
log() { printf '[stack-smoke] %s\n' "$*" >&2; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# 1. The stack as Swarm would get it.
AGENTTEAM_DOMAIN=smoke.example.invalid AGENTTEAM_LLM_PROVIDER=scripted AGENTTEAM_CONFIG_VERSION="$(stack_config_version)" \
  docker stack config $(stack_files external) >"$work/stack.yml"
log "stack rendered: $work/stack.yml"

# 2. Jars, database, Redis index.
for app in $apps; do
  [ -f "${app#*:}/target/${app#*:}-0.1.0-SNAPSHOT.jar" ] || { log "building the apps"; mvn -B -ntp -q -DskipTests package; break; }
done
# AGENT_TEAM_PG_SUPERUSER (with PGPASSWORD) where PostgreSQL is not the local apt one, e.g. a CI service container.
superuser="${AGENT_TEAM_PG_SUPERUSER:-postgres}"
sql() { psql -h 127.0.0.1 -U "$superuser" -v ON_ERROR_STOP=1 "$@"; }
if [ -n "${AGENT_TEAM_PG_SUPERUSER:-}" ]; then
  sql -d postgres -qc "drop database if exists $db with (force)" -c "create database $db owner ${AGENT_TEAM_DB_USER:-agentteam}" >/dev/null
  sql -d "$db" -qc "create extension if not exists vector" >/dev/null
else
  bash scripts/dev-services.sh --reset-test-db "$db" >/dev/null
fi
if command -v redis-cli >/dev/null 2>&1; then
  REDISCLI_AUTH="${AGENT_TEAM_REDIS_PASSWORD:-}" redis-cli --no-auth-warning -n "$redis_db" flushdb >/dev/null
fi

# 3. The secrets bootstrap.sh would create, as configtree files.
random() { head -c 24 /dev/urandom | od -An -tx1 | tr -dc '0-9a-f'; }
declare -A secret=(
  [agentteam_db_password]="${AGENT_TEAM_DB_PASSWORD:-agentteam-local-dev}" [agentteam_llm_api_key]=unset
  [agentteam_github_token]=unset [agentteam_github_webhook_secret]="$(random)" [agentteam_minio_password]=unset
  [agentteam_admin_password]="$(random)" [agentteam_forge_admin_token]="$(random)")
# The agents' tokens (no agent gets a forge token: each fetches its task's credential with its agent token).
for role in dev qa review cicd; do secret[agentteam_agent_token_$role]="$(random)"; done

# 4. Each app with the stack's environment.
i=0
for app in $apps; do
  service="${app%%:*}" module="${app#*:}"
  port=$((base + i)) management=$((base + 10 + i)); i=$((i + 1))
  mkdir -p "$work/secrets-$service" "$work/data-$service"
  python3 scripts/lib/stack_env.py "$work/stack.yml" secrets "$service" | while read -r source target; do
    case "$source" in agentteam_redis_password_*)
      [ -n "${AGENT_TEAM_REDIS_PASSWORD:-}" ] && printf '%s' "$AGENT_TEAM_REDIS_PASSWORD" >"$work/secrets-$service/$target"
      continue ;;
    esac
    printf '%s' "${secret[$source]:?no value for secret $source}" >"$work/secrets-$service/$target"
  done
  env_args=()
  while IFS= read -r line; do
    case "$line" in AGENTTEAM_ARTIFACTS_* | SPRING_DATA_REDIS_USERNAME=*) continue ;; esac
    line="${line//jdbc:postgresql:\/\/postgres:5432\/agentteam/jdbc:postgresql://127.0.0.1:5432/$db}"
    line="${line//http:\/\/orchestrator:8080/http://127.0.0.1:$base}"
    case "$line" in
      SPRING_DATA_REDIS_HOST=*) line="SPRING_DATA_REDIS_HOST=127.0.0.1" ;;
      MANAGEMENT_SERVER_PORT=*) line="MANAGEMENT_SERVER_PORT=$management" ;;
      AGENTTEAM_DATA_DIR=*) line="AGENTTEAM_DATA_DIR=$work/data-$service" ;;
    esac
    env_args+=("$line")
  done < <(python3 scripts/lib/stack_env.py "$work/stack.yml" env "$service")
  env -i PATH="$PATH" HOME="$work" LANG=C.UTF-8 "${env_args[@]}" SERVER_PORT="$port" SPRING_DATA_REDIS_DATABASE="$redis_db" \
    AGENTTEAM_DATA_DIR="$work/data-$service" AGENTTEAM_WORKSPACE_WORK_ROOT="$work/data-$service/workspaces" \
    SPRING_CONFIG_IMPORT="optional:configtree:$work/secrets-$service/" \
    java ${AGENT_TEAM_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
    -jar "$module/target/$module-0.1.0-SNAPSHOT.jar" >"$work/$service.log" 2>&1 &
  pids+=("$!")
  log "$service: pid $!, port $port, actuator $management"
  if [ "$service" = orchestrator ]; then
    # the agents need its schema and forge: wait for it first
    for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 3; done
    curl -fsS "http://127.0.0.1:$port/readyz" | grep -q UP || { tail -40 "$work/$service.log"; log "the orchestrator did not start"; exit 1; }
  fi
done

# 5. Every app healthy on its actuator port (the sandbox self-test included), nothing on the public port but probes.
for n in $(seq 0 6); do
  ok=0
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$((base + 10 + n))/actuator/health" 2>/dev/null \
        | python3 -c 'import json, sys; sys.exit(json.load(sys.stdin)["status"] != "UP")' 2>/dev/null; then ok=1; break; fi
    sleep 3
  done
  [ "$ok" = 1 ] || { curl -sS "http://127.0.0.1:$((base + 10 + n))/actuator/health" >&2 || true; log "app $n is not UP"; exit 1; }
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$base/actuator/prometheus")" != 200 ] \
  || { log "the actuator answers on the public port"; exit 1; }
log "all seven apps are UP"

# 6. The demo epic, with an API token for the admin (only its SHA-256 is stored, as the application does).
token="at_stack-smoke-$(random)"
sql -d "$db" -qc "insert into api_tokens (user_id, name, token_hash, hint) values (1, 'stack-smoke', '$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)', 'at_stac')" >/dev/null
AGENTTEAM_SMOKE_TOKEN="$token" AGENTTEAM_SMOKE_TIMEOUT=60 scripts/smoke-check.sh "http://127.0.0.1:$base" >&2
curl -fsS -X POST "http://127.0.0.1:$base/api/epics" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"title":"Word frequencies for textstats","description":"Writers want to see which words of a text they repeat most, using the textstats library.","owner_id":1}' >/dev/null
log "demo epic posted; waiting for the pull request, its CI and its review"
deadline=$(( $(date +%s) + timeout ))
until sql -d "$db" -Atc "select count(*) from pr_records" | grep -qv '^0$' \
      && [ "$(sql -d "$db" -Atc "select count(distinct type) from tasks where type in ('cicd.run_ci','review.review_pr') and status = 'SUCCEEDED'")" = 2 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { sql -d "$db" -c "select id, type, status from tasks order by id" >&2; log "FAILED: no reviewed pull request within ${timeout}s (logs: KEEP=1 keeps $work)"; exit 1; }
  sleep 5
done
sql -d "$db" -c "select id, type, status, attempt_count from tasks order by id" >&2
log "PASSED: the demo epic went through the stack's seven apps to a pull request with CI and review"
