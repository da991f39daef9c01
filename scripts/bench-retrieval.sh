#!/usr/bin/env bash
# Retrieval benchmark (docs/benchmarks.md): starts the orchestrator alone on its own database, Redis index and port,
# imports JDK sources (the installed JDK's lib/src.zip) as repositories and measures indexing throughput, one-file
# re-index after a push, search latency at 10k and 100k chunks, and retrieval quality against a git grep baseline.
#
#   scripts/bench-retrieval.sh [all|quality|full|latency|stop]
#     quality  java.base's java/util and java/util/concurrent top-level classes (196 files): cold index, pushes,
#              recall@5/MRR of hybrid, vector, text and grep on scripts/bench/jdk-questions.tsv, API latency
#     full     all of java.base (~3,400 files), the "about 3,000 files" case: time from the registration until the
#              text pass is done and until the first question finds its file, lexical recall@5 then, and the vector
#              pass's rate and ETA after BENCH_VECTOR_SECONDS of it (it takes hours on 2 cores; the run is left to
#              the orchestrator, which is stopped at the end unless BENCH_KEEP=1 — the next run recreates the database)
#     push     one-file re-index after a change lands on the default branch (10 rounds) on the checked-in fixture
#              repository: no token pushes the default branch, so each change goes through a pull request that the
#              benchmark's admin approves and merges through the merge gate (docs/adr/forge-trust.md)
#     latency  hybrid search SQL alone at 10k and 100k synthetic chunks (HNSW), p50/p95
#     all      quality, then latency, then full
#
# Env: BENCH_MODEL (bge-small-en-v15-q | all-minilm-l6-v2-q, default: the application's default), BENCH_PORT (9400),
# BENCH_DB (agentteam_bench_rag, recreated), BENCH_REDIS_DB (11), BENCH_WORK (/tmp/bench-retrieval, recreated),
# BENCH_KEEP=1 keeps the orchestrator running afterwards, BENCH_BUILD=0 uses the jar already built,
# BENCH_START_SECONDS (600) how long to wait for the orchestrator to answer its health check, BENCH_VECTOR_SECONDS
# (600) how long "full" follows the vector pass (0: until every chunk has its vector). Output: stdout and $BENCH_WORK/bench.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
step="${1:-all}"
PORT="${BENCH_PORT:-9400}"
DB="${BENCH_DB:-agentteam_bench_rag}"
REDIS_DB="${BENCH_REDIS_DB:-11}"
WORK="${BENCH_WORK:-/tmp/bench-retrieval}"
# the JDK sources: the installed Temurin 25's, else those of the java on the PATH
SRC_ZIP="${BENCH_SRC_ZIP:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}"
[ -f "$SRC_ZIP" ] || SRC_ZIP="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/src.zip"
FORGE_TOKEN="bench-forge-admin-token"
API_TOKEN="at_retrieval-benchmark-token"
export BENCH_URL="http://127.0.0.1:$PORT" BENCH_TOKEN="$API_TOKEN" BENCH_FORGE_TOKEN="$FORGE_TOKEN" BENCH_WORK="$WORK"
PID_FILE="$WORK/orchestrator.pid"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$WORK/bench.log"; }

stop() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"; rm -f "$PID_FILE"
  fi
}

start() {
  mkdir -p "$WORK"
  stop
  if [ "${BENCH_BUILD:-1}" = 1 ]; then
    log "building the orchestrator"
    (cd "$ROOT" && mvn -B -ntp -q -pl orchestrator-service -am -DskipTests package)
  fi
  rm -rf "$WORK/data" "$WORK"/clone-* "$WORK"/quality-*
  log "recreating database $DB"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB owner agentteam" >/dev/null
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "create extension if not exists vector" >/dev/null
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  # a copy: a later build in the checkout must not replace the jar under the running JVM
  cp "$(ls "$ROOT"/orchestrator-service/target/orchestrator-service-*.jar | grep -v original | head -1)" "$WORK/orchestrator.jar"
  local jar="$WORK/orchestrator.jar"
  log "starting the orchestrator on port $PORT (model ${BENCH_MODEL:-default}), log $WORK/orchestrator.log"
  if [ -n "${BENCH_MODEL:-}" ]; then export AGENTTEAM_RETRIEVAL_MODEL="$BENCH_MODEL"; fi
  local attempt up=0
  for attempt in $(seq 1 90); do
    SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=3 SERVER_PORT="$PORT" SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
      SPRING_DATASOURCE_USERNAME=agentteam SPRING_DATASOURCE_PASSWORD=agentteam-local-dev \
      SPRING_DATA_REDIS_DATABASE="$REDIS_DB" AGENTTEAM_DATA_DIR="$WORK/data" AGENTTEAM_FORGE_IMPORT_ROOTS="$WORK" \
      AGENTTEAM_FORGE_ADMIN_TOKEN="$FORGE_TOKEN" AGENTTEAM_ADMIN_PASSWORD="bench-admin-password-0123456789" \
      AGENTTEAM_DELIVERY_AUTO_DISPATCH=false \
      setsid java -Xmx1g -jar "$jar" >"$WORK/orchestrator.log" 2>&1 &
    echo $! >"$PID_FILE"
    # a loaded 2-core machine took over 3 minutes to start it (2026-12-07): wait up to BENCH_START_SECONDS
    for _ in $(seq 1 "${BENCH_START_SECONDS:-600}"); do
      curl -fs "$BENCH_URL/actuator/health" >/dev/null 2>&1 && { up=1; break; }
      kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break
      sleep 1
    done
    [ "$up" = 1 ] && break
    # a shared PostgreSQL may have no connection slot left for a while: wait and try again
    grep -q "remaining connection slots" "$WORK/orchestrator.log" || { tail -50 "$WORK/orchestrator.log"; stop; exit 1; }
    log "no PostgreSQL connection slot free (attempt $attempt); retrying in 20 s"
    sleep 20
  done
  [ "$up" = 1 ] || { log "the orchestrator did not start"; exit 1; }
  # an API token for user 1 (the bootstrap admin): only its SHA-256 is stored, as the application does
  local hash; hash="$(printf '%s' "$API_TOKEN" | sha256sum | cut -d' ' -f1)"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "insert into api_tokens (user_id, name, token_hash, hint) values (1, 'benchmark', '$hash', 'at_retr')" >/dev/null
}

quality() {
  # the top-level classes of java.util and java.util.concurrent (196 files): what the questions are about, and
  # enough neighbours to get them wrong; the whole of java.base is the "full" step
  rm -rf "$WORK/jdk-util"
  local dir; dir="$(mkdir -p "$WORK/jdk-util" && cd "$WORK/jdk-util" && unzip -q -o "$SRC_ZIP" 'java.base/java/util/*' \
    && mkdir -p java/util/concurrent && mv java.base/java/util/*.java java/util/ \
    && mv java.base/java/util/concurrent/*.java java/util/concurrent/ && rm -rf java.base && pwd)"
  log "corpus $dir: $(find "$dir" -name '*.java' | wc -l) files"
  python3 "$ROOT/scripts/bench/retrieval.py" index jdk-util "$dir" | tee -a "$WORK/bench.log"
  python3 "$ROOT/scripts/bench/retrieval.py" push jdk-util 5 | tee -a "$WORK/bench.log"
  python3 "$ROOT/scripts/bench/retrieval.py" quality jdk-util "$ROOT/scripts/bench/jdk-questions.tsv" | tee -a "$WORK/bench.log"
  python3 "$ROOT/scripts/bench/retrieval.py" latency jdk-util "$ROOT/scripts/bench/jdk-questions.tsv" 3 | tee -a "$WORK/bench.log"
}

full() {
  rm -rf "$WORK/jdk-base"
  local dir; dir="$(mkdir -p "$WORK/jdk-base" && cd "$WORK/jdk-base" && unzip -q -o "$SRC_ZIP" 'java.base/*' \
    && mv java.base/* . && rmdir java.base && pwd)"
  log "corpus $dir: $(find "$dir" -type f | wc -l) files"
  python3 "$ROOT/scripts/bench/retrieval.py" first jdk-base "$dir" "$ROOT/scripts/bench/jdk-questions.tsv" \
    "${BENCH_VECTOR_SECONDS:-600}" | tee -a "$WORK/bench.log"
}

push() {
  # one-file re-index after a push, on the checked-in fixture repository (small: the run's cost is the push itself)
  rm -rf "$WORK/fixture" && cp -r "$ROOT/orchestrator-service/src/test/resources/retrieval/fixture" "$WORK/fixture"
  python3 "$ROOT/scripts/bench/retrieval.py" index fixture "$WORK/fixture" | tee -a "$WORK/bench.log"
  python3 "$ROOT/scripts/bench/retrieval.py" push fixture 10 | tee -a "$WORK/bench.log"
}

latency() {
  # the orchestrator's own classes and libraries, from the jar this run started (no Maven resolution: the agents-common
  # modules are not installed in ~/.m2 on a fresh clone)
  rm -rf "$WORK/jar"
  java -Djarmode=tools -jar "$WORK/orchestrator.jar" extract --destination "$WORK/jar" >/dev/null
  local cp="$WORK/jar/orchestrator.jar:$WORK/jar/lib/*"
  for n in 10000 100000; do
    log "search latency at $n synthetic chunks"
    java -cp "$cp" "$ROOT/scripts/bench/SearchLatency.java" \
      "jdbc:postgresql://127.0.0.1:5432/$DB" "$n" 300 | tee -a "$WORK/bench.log"
  done
}

case "$step" in
  stop) stop; exit 0 ;;
  quality) start; quality ;;
  full) start; full ;;
  latency) start; latency ;;
  push) start; push ;;
  all) start; quality; latency; full ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
esac
[ "${BENCH_KEEP:-0}" = 1 ] || stop
