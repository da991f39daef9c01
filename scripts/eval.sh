#!/usr/bin/env bash
# Runs an evaluation suite through a running agent-team (scripts/run-local.sh, or any deployment) and writes the
# report as JSON and Markdown; compares two reports. See docs/evaluation.md.
#
#   scripts/eval.sh --suite bundled [--dev-only] [--concurrency N] [--tasks id,id] [--timeout 30m] [--label TEXT]
#                   [--json PATH] [--md PATH]
#   scripts/eval.sh --follow RUN_ID [--json PATH] [--md PATH]    # re-attach to a run (it goes on without this script,
#                                                                 # and resumes by itself after an orchestrator restart)
#   scripts/eval.sh --compare A B [--md PATH]                   # A and B: JSON reports (--json) or run ids
#
# Environment: AGENTTEAM_URL (default http://localhost:${AGENT_TEAM_PORT_BASE:-8080}); AGENTTEAM_TOKEN, an API token
# of a person with the approver role (create one at /account/tokens). Needs curl and python3 (standard library only).
set -euo pipefail

die() { echo "eval.sh: $*" >&2; exit 2; }

suite="" mode="system" concurrency=1 tasks="" timeout="" label="" json="" md="" follow="" compare_a="" compare_b=""
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite="${2:?}"; shift 2 ;;
    --dev-only) mode="dev"; shift ;;
    --concurrency) concurrency="${2:?}"; shift 2 ;;
    --tasks) tasks="${2:?}"; shift 2 ;;
    --timeout) timeout="${2:?}"; shift 2 ;;
    --label) label="${2:?}"; shift 2 ;;
    --json) json="${2:?}"; shift 2 ;;
    --md) md="${2:?}"; shift 2 ;;
    --follow|--resume) follow="${2:?}"; shift 2 ;;
    --compare) compare_a="${2:?}"; compare_b="${3:?usage: --compare A B (JSON reports or run ids)}"; shift 3 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

here="$(cd "$(dirname "$0")" && pwd)"
url="${AGENTTEAM_URL:-http://localhost:${AGENT_TEAM_PORT_BASE:-8080}}"

api() { # method path [body] → body on stdout; fails on HTTP >= 400 with the problem's detail
  local method="$1" path="$2" body="${3:-}" reply code
  [ -n "${AGENTTEAM_TOKEN:-}" ] || die "set AGENTTEAM_TOKEN to an approver's API token (create one at $url/account/tokens)"
  local auth=(-H "Authorization: Bearer $AGENTTEAM_TOKEN")
  if [ -n "$body" ]; then
    reply="$(curl -sS -X "$method" "${auth[@]}" -H 'Content-Type: application/json' --data "$body" -w '\n%{http_code}' "$url$path")"
  else
    reply="$(curl -sS -X "$method" "${auth[@]}" -w '\n%{http_code}' "$url$path")"
  fi
  code="${reply##*$'\n'}"
  reply="${reply%$'\n'*}"
  if [ "$code" -ge 400 ]; then die "$method $path answered HTTP $code: $reply"; fi
  printf '%s' "$reply"
}

if [ -n "$compare_a" ]; then
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  n=0
  for side in "$compare_a" "$compare_b"; do # a JSON report written by --json, or a run id read from the API
    n=$((n + 1))
    if [ -f "$side" ]; then cp "$side" "$work/$n.json"
    elif [[ "$side" =~ ^[0-9]+$ ]]; then api GET "/api/evals/$side" > "$work/$n.json"
    else die "--compare takes JSON reports (--json) or run ids; '$side' is neither"; fi
  done
  out="$(python3 "$here/lib/eval_report.py" compare "$work/1.json" "$work/2.json")"
  echo "$out"
  if [ -n "$md" ]; then printf '%s\n' "$out" > "$md"; fi
  exit 0
fi

if [ -z "$follow" ]; then
  [ -n "$suite" ] || die "give --suite NAME (bundled, or a suite under agentteam.eval.suites-dir), --follow RUN_ID or --compare"
  body="$(SUITE="$suite" MODE="$mode" CONC="$concurrency" TASKS="$tasks" TIMEOUT="$timeout" LABEL="$label" python3 -c '
import json, os
b = {"suite": os.environ["SUITE"], "mode": os.environ["MODE"], "concurrency": int(os.environ["CONC"])}
if os.environ["TASKS"]: b["tasks"] = [t for t in os.environ["TASKS"].split(",") if t]
if os.environ["TIMEOUT"]: b["task_timeout"] = os.environ["TIMEOUT"]
if os.environ["LABEL"]: b["label"] = os.environ["LABEL"]
print(json.dumps(b))')"
  follow="$(api POST /api/evals "$body" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')"
  mkdir -p "${AGENT_TEAM_RUN_DIR:-.run}"
  echo "$follow" > "${AGENT_TEAM_RUN_DIR:-.run}/eval-last-run"
  echo "evaluation run $follow started ($url/evals/$follow); Ctrl-C detaches, --follow $follow re-attaches"
fi

last=""
while :; do
  report="$(api GET "/api/evals/$follow")"
  line="$(printf '%s' "$report" | python3 "$here/lib/eval_report.py" progress)"
  if [ "$line" != "$last" ]; then echo "$line"; last="$line"; fi
  status="$(printf '%s' "$report" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')"
  [ "$status" = "RUNNING" ] || break
  sleep "${EVAL_POLL_SECONDS:-5}"
done

if [ -n "$json" ]; then printf '%s\n' "$report" > "$json"; echo "JSON report: $json"; fi
markdown="$(api GET "/api/evals/$follow/report.md")"
if [ -n "$md" ]; then printf '%s\n' "$markdown" > "$md"; echo "Markdown report: $md"; else printf '\n%s\n' "$markdown"; fi
