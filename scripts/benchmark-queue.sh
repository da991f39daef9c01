#!/usr/bin/env bash
# Queue benchmark: 20k tasks through the whole pipeline (create → Redis → 2 claim loops with a no-op handler →
# tasks:done → results applied in Postgres), then redis-benchmark on the same server for a raw baseline.
# Uses the test database and Redis index of AGENT_TEAM_TEST_DB / AGENT_TEAM_TEST_REDIS_DB (never db 0 of others).
# Usage: scripts/benchmark-queue.sh [result-consumers] [pipelined|drain]   (BENCHMARK_TASKS overrides the 20000 tasks)
#   pipelined: the 2 workers run while tasks are created (end to end); drain: all tasks queued first, then the
#   workers start, which isolates claim → complete → result applied in Postgres.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${AGENT_TEAM_TEST_DB:=agentteam_test}"
: "${AGENT_TEAM_TEST_REDIS_DB:=0}"
export AGENT_TEAM_TEST_DB AGENT_TEAM_TEST_REDIS_DB
consumers="${1:-1}"
mode="${2:-pipelined}"
tasks="${BENCHMARK_TASKS:-20000}"

echo "== ${mode}: ${tasks} tasks, 2 claim loops, ${consumers} result consumer(s)"
mvn -B -ntp -o -q -pl orchestrator-service -am verify \
  -Dtest=QueueBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.excludedGroups=none -Dbenchmark.tasks="${tasks}" -Dbenchmark.result-consumers="${consumers}" \
  -Dbenchmark.mode="${mode}"
grep -h 'BENCHMARK' orchestrator-service/target/surefire-reports/*QueueBenchmark-output.txt | tail -n 1

echo "== redis-benchmark (db ${AGENT_TEAM_TEST_REDIS_DB})"
redis-benchmark -q -t lpush,rpop -n 100000 --dbnum "${AGENT_TEAM_TEST_REDIS_DB}"
