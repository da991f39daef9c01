#!/usr/bin/env bash
# Scaling by replicas (issue 14, "Scaling"): one isolated team on this machine — the orchestrator, SCALE_OTHERS
# replicas of every role but Dev, and 1, then 2, then 4 Dev replicas (or the counts given, in their order), each
# replica its own JVM with its own worker id on the same Redis queues. Each round posts SCALE_STORIES demo epics
# (the scripted PO turns each into the story "Most common words", docs/demo.md), waits until every story of the
# round has a pull request the Review agent approved, then checks from the database that no task attempt ran twice,
# that no story or branch got two pull requests, and reports stories/min. Prints the table and writes it to
# target/scale/results.md.
#
#   scripts/scale-test.sh [dev replicas per round, default "1 2 4"]
#
# Env: SCALE_DB (agentteam_scale), SCALE_REDIS_DB (6), SCALE_PORT_BASE (9500: the orchestrator; replicas from +10),
# SCALE_OTHERS (2), SCALE_STORIES (40), SCALE_ROUND_TIMEOUT (seconds per round, 1800), SCALE_JAVA_OPTS (small heaps).
# One team serves every round (Dev replicas are added or stopped between rounds, as `docker service scale` would);
# a round starts only when the previous one is finished, and every check covers only the round's own epics.
# The team runs in CONTINUOUS sprint mode with a WIP limit of SCALE_STORIES, so only the number of Dev replicas
# bounds how many stories are worked on at once (docs/benchmarks.md says why). The jars must be built
# (mvn -DskipTests package). Whatever happens, every process it started is stopped and its database dropped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCALE_DB="${SCALE_DB:-agentteam_scale}"
SCALE_REDIS_DB="${SCALE_REDIS_DB:-6}"
SCALE_PORT_BASE="${SCALE_PORT_BASE:-9500}"
OTHERS="${SCALE_OTHERS:-2}"
STORIES="${SCALE_STORIES:-40}"
ROUND_TIMEOUT="${SCALE_ROUND_TIMEOUT:-1800}"
DEV_ROUNDS="${1:-1 2 4}"
# Fifteen JVMs on two cores: serial GC, C1 only, small heaps that give memory back (docs/adr/light-stack.md).
JAVA_OPTS_SCALE="${SCALE_JAVA_OPTS:--Xms16m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=48m}"

case "$SCALE_DB" in agentteam|agentteam_test) echo "scale-test: refusing the shared database $SCALE_DB" >&2; exit 2 ;; esac
case "$SCALE_REDIS_DB" in 0|15) echo "scale-test: refusing Redis index $SCALE_REDIS_DB (the team's or the default test index)" >&2; exit 2 ;; esac
if [ "$SCALE_PORT_BASE" -le 8090 ] && [ "$((SCALE_PORT_BASE + 40))" -ge 8080 ]; then
  echo "scale-test: ports $SCALE_PORT_BASE… overlap 8080-8090, the default team's; pick another SCALE_PORT_BASE" >&2; exit 2
fi

export AGENT_TEAM_ENV_FILE=/dev/null AGENT_TEAM_RUN_DIR="$PWD/target/scale/run" AGENT_TEAM_DB_NAME="$SCALE_DB"
export SPRING_DATA_REDIS_DATABASE="$SCALE_REDIS_DB" AGENT_TEAM_PORT_BASE="$SCALE_PORT_BASE"
# shellcheck source=lib/local-env.sh
. scripts/lib/local-env.sh
OUT="$ROOT_DIR/target/scale"
rm -rf "$OUT"
mkdir -p "$RUN_DIR"

for m in orchestrator-service po-agent scrum-agent dev-agent qa-agent review-agent cicd-agent; do
  [ -f "$(app_jar "$m")" ] || die "$m's jar is missing; build first (mvn -DskipTests package)"
done
require_java

psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
sql() { PGPASSWORD=agentteam-local-dev psql -h 127.0.0.1 -U agentteam -d "$SCALE_DB" -v ON_ERROR_STOP=1 -qAt -F ' ' -c "$1"; }
rcli() { redis-cli -h 127.0.0.1 -p 6379 -n "$SCALE_REDIS_DB" "$@"; }

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rcli flushdb >/dev/null 2>&1 || true
  psql_admin -c "drop database if exists ${SCALE_DB} with (force)" >/dev/null 2>&1 || true
  log "stopped ${#PIDS[@]} processes, dropped database ${SCALE_DB}, flushed Redis index ${SCALE_REDIS_DB}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP   # a signal ends the script through the EXIT trap too

psql_admin -c "drop database if exists ${SCALE_DB} with (force)" -c "create database ${SCALE_DB} owner agentteam"
psql_admin -d "$SCALE_DB" -c "create extension if not exists vector"
rcli flushdb >/dev/null
load_local_env
export AGENTTEAM_ADMIN_PASSWORD
AGENTTEAM_ADMIN_PASSWORD="scale-$(head -c 12 /dev/urandom | od -An -tx1 | tr -dc '0-9a-f')"
export AGENTTEAM_SPRINT_MODE=CONTINUOUS AGENTTEAM_DELIVERY_WIP_LIMIT="$STORIES" AGENTTEAM_BACKLOG_REQUIRE_STORY_ACCEPTANCE=false

# Starts one JVM; $1 module, $2 name (worker id for agents), $3 port. Agents get only their own forge token and a
# workspace directory of their own, as a container of a Swarm replica would.
start() {
  local module="$1" name="$2" port="$3" extra=()
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is in use; pick another SCALE_PORT_BASE"
  if [ "$module" != orchestrator-service ]; then
    extra=(-u AGENTTEAM_FORGE_ADMIN_TOKEN -u AGENTTEAM_FORGE_TOKENS AGENTTEAM_WORKER_ID="$name"
           AGENTTEAM_WORKSPACE_WORK_ROOT="$RUN_DIR/workspaces/$name" SERVER_TOMCAT_THREADS_MAX=8 SERVER_TOMCAT_THREADS_MIN_SPARE=1)
  fi
  # shellcheck disable=SC2086
  setsid nohup env "${extra[@]}" SERVER_PORT="$port" java $JAVA_OPTS_SCALE -jar "$(app_jar "$module")" \
    >"$RUN_DIR/$name.log" 2>&1 </dev/null &
  PIDS+=("$!")
  echo "$name $port $!" >>"$RUN_DIR/replicas.txt"
}
next_port=$((SCALE_PORT_BASE + 10))
STARTED=()
start_replica() {
  start "$1-agent" "$1-$2" "$next_port"
  STARTED+=("$1-$2:$next_port:${PIDS[-1]}")
  next_port=$((next_port + 1))
}
await_started() {
  local s name port pid failed=""
  for s in "${STARTED[@]}"; do
    IFS=: read -r name port pid <<<"$s"
    wait_healthy "$name" "$port" "${AGENT_TEAM_START_TIMEOUT:-600}" "$pid" || failed="$failed $name"
  done
  STARTED=()
  [ -z "$failed" ] || die "not UP:$failed (logs in $RUN_DIR)"
}

BASE="http://127.0.0.1:$SCALE_PORT_BASE"
log "starting the orchestrator on $SCALE_PORT_BASE (database $SCALE_DB, Redis index $SCALE_REDIS_DB, run dir ${RUN_DIR#"$ROOT_DIR"/})"
start orchestrator-service orchestrator "$SCALE_PORT_BASE"
wait_healthy orchestrator "$SCALE_PORT_BASE" "${AGENT_TEAM_START_TIMEOUT:-600}" "${PIDS[0]}" || die "the orchestrator did not come up"
log "starting $OTHERS replicas each of po, scrum, qa, review, cicd"
for role in po scrum qa review cicd; do
  for i in $(seq 1 "$OTHERS"); do start_replica "$role" "$i"; done
done
await_started

# An API token of the administrator, made as a person would: form login, then /account/tokens.
jar="$RUN_DIR/admin.cookies"
csrf() { curl -s -c "$jar" -b "$jar" "$BASE$1" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=$AGENTTEAM_ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$(csrf /login)" "$BASE/login"
TOKEN="$(curl -s -L -c "$jar" -b "$jar" --data-urlencode "name=scale-test" --data-urlencode "_csrf=$(csrf /account/tokens)" \
  "$BASE/account/tokens" | sed -n 's/.*id="created-token"[^>]*>\(at_[A-Za-z0-9_-]*\)<.*/\1/p' | head -1)"
[ -n "$TOKEN" ] || die "could not create an API token as admin"

ncpu="$(nproc)"
# CPU time (ticks) the team's own processes and their finished children (sandboxed test runs) used so far: with the
# machine saturated, this per story says what one story costs.
team_ticks() {
  local pid sum=0
  for pid in "${PIDS[@]}"; do
    [ -r "/proc/$pid/stat" ] && sum=$((sum + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
  done
  echo "$sum"
}
cpu_busy_ticks() { awk '/^cpu / {print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat; }
printf '| dev replicas | other roles | stories | time (s) | stories/min | dev phase (s) | dev task: mean wait / run (s) | dev tasks per worker | tasks run twice | duplicate PRs | stories without exactly one PR | retried attempts | team CPU s per story | machine CPU busy | load average before → after |\n' >"$OUT/results.md"
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n' >>"$OUT/results.md"
devs=0 failures=0 round=0
for want in $DEV_ROUNDS; do
  round=$((round + 1))
  while [ "$devs" -lt "$want" ]; do devs=$((devs + 1)); start_replica dev "$devs"; done
  # Fewer replicas than the round before: the newest ones stop gracefully (SIGTERM), as `docker service scale` does.
  while [ "$devs" -gt "$want" ]; do
    pid="$(awk -v n="dev-$devs" '$1 == n {print $3}' "$RUN_DIR/replicas.txt" | tail -1)"
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 1; done
    for i in "${!PIDS[@]}"; do [ "${PIDS[$i]}" != "$pid" ] || unset 'PIDS[i]'; done   # never signal a reused PID
    PIDS=("${PIDS[@]}")
    devs=$((devs - 1))
  done
  await_started
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  read -r busy0 total0 <<<"$(cpu_busy_ticks)"
  team0="$(team_ticks)"
  first_epic=""
  log "round $round ($(date -u +%H:%M:%S)): $devs dev replicas, posting $STORIES demo epics"
  for i in $(seq 1 "$STORIES"); do
    id="$(curl -fsS -X POST "$BASE/api/epics" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"title\": \"Word frequencies for textstats (round $round, $i)\", \"description\": \"Writers want to see which words of a text they repeat most, using the textstats library.\", \"owner_id\": 1}" \
      | jq -r '.id // empty')"
    [ -n "$id" ] || die "POST /api/epics gave no id"
    first_epic="${first_epic:-$id}"; last_epic="$id"
  done
  scope="e.id between $first_epic and $last_epic"
  waited=0
  while :; do
    read -r nstories approved <<<"$(sql "select count(distinct s.id), count(distinct s.id) filter (where p.review_status = 'APPROVED')
      from epics e join stories s on s.epic_id = e.id left join pr_records p on p.story_id = s.id where $scope")"
    [ "$nstories" -ge "$STORIES" ] && [ "$approved" -ge "$nstories" ] && break
    if [ "$waited" -ge "$ROUND_TIMEOUT" ]; then
      log "round $round: timed out after ${ROUND_TIMEOUT}s with $approved of $nstories stories approved; task states:"
      sql "select t.type, t.status, count(*) from tasks t join epics e on e.id = t.epic_id where $scope group by 1, 2 order by 1, 2" >&2
      failures=$((failures + 1)); break
    fi
    [ $((waited % 30)) -ne 0 ] || log "round $round: ${approved}/${nstories} stories have an approved PR (${waited}s)"
    sleep 3; waited=$((waited + 3))
  done
  read -r busy1 total1 <<<"$(cpu_busy_ticks)"
  team1="$(team_ticks)"
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

  # The round's tasks: those of its epics (PO) and of their stories (Dev, CI, QA, Review).
  tasks="select t.* from tasks t left join stories s on s.id = t.story_id join epics e on e.id = coalesce(t.epic_id, s.epic_id) where $scope"
  read -r seconds dev_seconds <<<"$(sql "select round(extract(epoch from (select max(t.finished_at) from ($tasks) t where t.type like 'review.%')
      - (select min(e.created_at) from epics e where $scope))::numeric, 1),
      round(extract(epoch from max(t.finished_at) - min(t.started_at))::numeric, 1) from ($tasks) t where t.type like 'dev.%'")"
  # A task attempt ran twice: two QUEUED → RUNNING for one attempt, or one step of its model conversation answered twice.
  twice="$(sql "select count(*) from (
        select task_id, attempt from task_transitions where to_status = 'RUNNING' and task_id in (select id from ($tasks) t)
        group by 1, 2 having count(*) > 1
      union
        select task_id, attempt from agent_logs where metadata ? 'responseId' and task_id in (select id from ($tasks) t)
        group by task_id, attempt, metadata->>'responseId' having count(*) > 1) x")
    + $(sql "select count(*) from (select story_id from ($tasks) t where type = 'dev.implement_story' group by 1 having count(*) > 1) x")"
  twice=$((twice))
  dup_prs="$(sql "select count(*) from (select repo, branch from pr_records group by 1, 2 having count(*) > 1) x")"
  not_one="$(sql "select count(*) from (select s.id from epics e join stories s on s.epic_id = e.id left join pr_records p on p.story_id = s.id
      where $scope group by s.id having count(p.id) <> 1) x")"
  retried="$(sql "select coalesce(sum(attempt_count - 1), 0) from ($tasks) t where attempt_count > 1")"
  per_worker="$(sql "select string_agg(w || '=' || n, ' ' order by w) from (select worker_id w, count(*) n from ($tasks) t
      where type like 'dev.%' group by 1) x")"
  # Queue wait and run time of the Dev tasks: a run time that grows with the replicas means they share a bound (CPU).
  dev_times="$(sql "select round(avg(extract(epoch from started_at - queued_at))::numeric, 1) || ' / '
      || round(avg(extract(epoch from finished_at - started_at))::numeric, 1) from ($tasks) t where type like 'dev.%'")"
  cpu="$(awk -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" 'BEGIN { printf "%.0f %%", (t ? 100 * b / t : 0) }')"
  team_cpu="$(awk -v d="$((team1 - team0))" -v hz="$(getconf CLK_TCK)" -v n="$nstories" 'BEGIN { printf "%.1f", (n ? d / hz / n : 0) }')"
  rate="$(awk -v n="$nstories" -v s="${seconds:-0}" 'BEGIN { printf "%.2f", (s > 0 ? 60 * n / s : 0) }')"
  [ "$twice" -eq 0 ] && [ "$dup_prs" -eq 0 ] && [ "$not_one" -eq 0 ] || failures=$((failures + 1))
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s → %s |\n' "$devs" "$OTHERS" "$nstories" "$seconds" "$rate" \
    "$dev_seconds" "$dev_times" "$per_worker" "$twice" "$dup_prs" "$not_one" "$retried" "$team_cpu" "$cpu" "$load_before" "$load_after" >>"$OUT/results.md"
  log "round $round: $nstories stories in ${seconds}s ($rate stories/min), dev tasks per worker: $per_worker"
done

echo
echo "scripts/scale-test.sh \"$DEV_ROUNDS\" on $ncpu cores ($(awk '/MemTotal/ {printf "%.1f GB RAM", $2 / 1048576}' /proc/meminfo)):"
cat "$OUT/results.md"
[ "$failures" -eq 0 ] || die "$failures round(s) failed a check or timed out"
