#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md in one go, each comparing our path with its baseline side by side in the
# same run, so a loaded or shared machine moves both numbers alike and the ratio stays comparable:
#   bounded context (condensed vs uncondensed tokens), sandbox (sandboxed vs bare), queue (ours vs raw Lettuce),
#   webhook ack p99 (/webhooks/github vs a bare endpoint in the same JVM), light stack (the seven JVMs' idle RSS and
#   start-to-healthy, run-local.sh's defaults vs its previous settings) and end to end (the demo epic to its pull
#   request on that team vs the repository's own test time): scripts/bench/footprint.sh; needs the jars built, uses
#   ports BENCH_PORT_BASE … +6, 8800 unless set; BENCH_FOOTPRINT=off skips those three rows.
# Prints the table, rewrites the "Latest run" section of docs/benchmarks.md and writes docs/benchmarks.json.
# Uses the test database and Redis index of AGENT_TEAM_TEST_DB / AGENT_TEAM_TEST_REDIS_DB (their tasks and queues
# are wiped). Usage: scripts/bench.sh [--quick]   (--quick: fewer repetitions, queue tasks and idle seconds, and no
# warm-up start of the team when its class-data archives are still fresh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: scripts/bench.sh [--quick]" >&2; exit 2 ;;
esac
: "${AGENT_TEAM_TEST_DB:=agentteam_test}"
: "${AGENT_TEAM_TEST_REDIS_DB:=1}"
export AGENT_TEAM_TEST_DB AGENT_TEAM_TEST_REDIS_DB
if [ "${AGENT_TEAM_TEST_REDIS_DB}" = 0 ]; then
  echo "AGENT_TEAM_TEST_REDIS_DB=0 is the stack's own Redis database; pick another index" >&2
  exit 2
fi
tasks="${BENCHMARK_TASKS:-$($quick && echo 2000 || echo 20000)}"
out="$PWD/target/bench"
rm -rf "$out"
mkdir -p "$out"

command="scripts/bench.sh${1:+ $1}"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "== ${command}: context, sandbox, queue (${tasks} tasks), webhook, footprint and epic → PR benchmarks; load average ${load_before}"
phase_start=$SECONDS
mvn -B -ntp -o -q -pl agents-common/llm,agents-common/sandbox,orchestrator-service -am verify \
  -Dtest='ContextBenchmark,SandboxBenchmark,QueueBenchmark,WebhookBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.excludedGroups=none -Dbenchmark.out="$out" -Dbenchmark.quick="$quick" \
  -Dbenchmark.tasks="$tasks" -Dbenchmark.mode=drain -Dbenchmark.result-consumers=2
echo "== context, sandbox, queue and webhook benchmarks: $((SECONDS - phase_start)) s"
if [ "${BENCH_FOOTPRINT:-on}" != off ]; then
  phase_start=$SECONDS
  BENCH_QUICK="$quick" bash scripts/bench/footprint.sh "$out"
  echo "== footprint and epic → PR: $((SECONDS - phase_start)) s"
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 scripts/lib/bench_report.py --results "$out" --command "$command" --started "$started" \
  --load "${load_before} → ${load_after}" --markdown docs/benchmarks.md --json docs/benchmarks.json
