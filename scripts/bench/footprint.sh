#!/usr/bin/env bash
# Footprint of the light stack (issue 17, item 4): the seven JVMs started by scripts/run-local.sh, once with the
# settings run-local.sh used before docs/adr/light-stack.md ("before") and once with today's defaults ("ours"), in
# the same run. For each: wall time of run-local.sh until every app reports UP, then the summed VmRSS of the seven
# processes after they idled FOOTPRINT_IDLE_SECONDS (20). Writes two rows for scripts/lib/bench_report.py.
#
#   scripts/bench/footprint.sh <results dir>
#
# It runs the team on AGENT_TEAM_TEST_DB / AGENT_TEAM_TEST_REDIS_DB (never the team's own database or Redis index 0),
# on ports BENCH_PORT_BASE … +6 (8800 unless set) and a run directory under target/, and stops it again whatever
# happens. The jars must be built (mvn -DskipTests package). The class-data-sharing archives are made by a
# training start before the measured one, as run-local.sh does on a first start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="${1:?usage: scripts/bench/footprint.sh <results dir>}"
mkdir -p "$out"

: "${AGENT_TEAM_TEST_DB:?set AGENT_TEAM_TEST_DB to a test database of your own}"
: "${AGENT_TEAM_TEST_REDIS_DB:?set AGENT_TEAM_TEST_REDIS_DB to a Redis index of your own}"
case "$AGENT_TEAM_TEST_DB" in agentteam) echo "footprint: refusing the team's own database agentteam" >&2; exit 2 ;; esac
[ "$AGENT_TEAM_TEST_REDIS_DB" != 0 ] || { echo "footprint: refusing Redis index 0" >&2; exit 2; }
idle="${FOOTPRINT_IDLE_SECONDS:-20}"

export AGENT_TEAM_DB_NAME="$AGENT_TEAM_TEST_DB" SPRING_DATA_REDIS_DATABASE="$AGENT_TEAM_TEST_REDIS_DB"
export AGENT_TEAM_PORT_BASE="${BENCH_PORT_BASE:-8800}" AGENT_TEAM_START_TIMEOUT="${AGENT_TEAM_START_TIMEOUT:-300}"
# Writing seven CDS archives at exit takes a while on a loaded machine; a KILL would lose them.
export AGENT_TEAM_STOP_TIMEOUT="${AGENT_TEAM_STOP_TIMEOUT:-240}"
# The forge tokens and the demo repository of a run directory are its own; keep them out of .env's reach.
export AGENT_TEAM_ENV_FILE=/dev/null
base_run="$PWD/target/footprint"

# The flags scripts/run-local.sh passed before docs/adr/light-stack.md, with no CDS archive and Spring's defaults.
before_opts="-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

for a in orchestrator-service po-agent scrum-agent dev-agent qa-agent review-agent cicd-agent; do
  [ -f "$a/target/$a-0.1.0-SNAPSHOT.jar" ] || { echo "footprint: $a's jar is missing; build first (mvn -DskipTests package)" >&2; exit 1; }
done

current_run=""
stop() { [ -z "$current_run" ] || AGENT_TEAM_RUN_DIR="$current_run" bash scripts/stop-local.sh >/dev/null 2>&1 || true; }
trap stop EXIT

# Starts the team with the given environment; writes "<seconds to all UP> <summed RSS MiB> <per-app MiB>" to <run>.result.
measure() {
  local label="$1" run="$base_run/team"; shift
  current_run="$run"
  local t0 t1 rss=0 per="" m kb
  t0="$(date +%s.%N)"
  env "$@" AGENT_TEAM_RUN_DIR="$run" bash scripts/run-local.sh >"$base_run/$label.log" 2>&1 \
    || { echo "footprint: run-local.sh failed ($label); see $base_run/$label.log" >&2; tail -n 30 "$base_run/$label.log" >&2; return 1; }
  t1="$(date +%s.%N)"
  sleep "$idle"
  for m in orchestrator-service po-agent scrum-agent dev-agent qa-agent review-agent cicd-agent; do
    kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$(tr -dc '0-9' <"$run/$m.pid")/status")"
    rss=$((rss + kb))
    per="$per ${m%%-*}=$((kb / 1024))"
  done
  AGENT_TEAM_RUN_DIR="$run" bash scripts/stop-local.sh >/dev/null 2>&1
  current_run=""
  echo "$(echo "$t1 - $t0" | bc) $((rss / 1024))${per}" >"$base_run/$label.result"
}

rm -rf "$base_run"
mkdir -p "$base_run"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# A first start applies the migrations and records the CDS archives (at exit), so neither measured start pays for them.
echo "== footprint: warm-up start (migrations, CDS archives)" >&2
measure warmup
echo "== footprint: before (${before_opts}, no CDS, Spring's pool defaults)" >&2
measure before AGENT_TEAM_JAVA_OPTS="$before_opts" AGENT_TEAM_CDS=off AGENT_TEAM_LIGHT_POOLS=off
read -r before_s before_mb before_per <"$base_run/before.result"
echo "== footprint: ours (run-local.sh defaults)" >&2
measure ours
read -r ours_s ours_mb ours_per <"$base_run/ours.result"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$before_s" "$before_mb" "$before_per" "$ours_s" "$ours_mb" "$ours_per" "$idle" \
  "$load_before → $load_after" <<'PY'
import json, sys
out, bs, bmb, bper, os_, omb, oper, idle, load = sys.argv[1:]
bs, bmb, os_, omb = float(bs), float(bmb), float(os_), float(omb)
common = {"apps": 7, "idle_s": int(idle), "load": load}
rows = [
    ("footprint-rss", "light stack: idle RSS of the seven JVMs, today's run-local.sh defaults vs the settings before",
     omb, bmb, "MiB", "<= 1024 MiB total", omb <= 1024, {**common, "ours_per_app": oper, "before_per_app": bper}),
    ("footprint-start", "light stack: run-local.sh start until all seven apps are UP, today's defaults vs before",
     os_, bs, "s", "<= 15 s", os_ <= 15, common),
]
for rid, title, ours, base, unit, target, met, details in rows:
    with open(f"{out}/{rid}.json", "w") as f:
        json.dump({"id": rid, "title": title, "ours": ours, "baseline": base, "unit": unit, "ratio": ours / base,
                   "target": target, "met": met, "details": details}, f, indent=2)
print(f"footprint: RSS {omb:.0f} MiB vs {bmb:.0f} MiB before; all UP in {os_:.1f} s vs {bs:.1f} s", file=sys.stderr)
PY
