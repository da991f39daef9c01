#!/usr/bin/env bash
# Checks a deployed team from outside, the way a person reaches it:
#   AGENTTEAM_SMOKE_TOKEN=at_... scripts/smoke-check.sh https://agents.example.com
# 1. readiness through the edge (/readyz), 2. the login page, 3. one API call with a deploy token (an API token of a
# viewer account made for the purpose: /account/tokens). Retries for AGENTTEAM_SMOKE_TIMEOUT seconds (default 180),
# because a rolled-out orchestrator migrates and warms up before it answers. Exit 1 when any check still fails.
set -uo pipefail
base="${1:?usage: scripts/smoke-check.sh <public-url>}"; base="${base%/}"
token="${AGENTTEAM_SMOKE_TOKEN:-}"
deadline=$(( $(date +%s) + ${AGENTTEAM_SMOKE_TIMEOUT:-180} ))

check() {
  curl -fsS --max-time 10 "$base/readyz" | grep -q '"status":"UP"' || { echo "readiness: $base/readyz is not UP"; return 1; }
  curl -fsS --max-time 10 "$base/login" | grep -q 'name="password"' || { echo "login page: no sign-in form at $base/login"; return 1; }
  if [ -n "$token" ]; then
    local status
    status="$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/backlog?page=0&size=1")"
    [ "$status" = 200 ] || { echo "API: GET /api/backlog answered $status"; return 1; }
  else
    echo "API: skipped (AGENTTEAM_SMOKE_TOKEN is not set)" >&2
  fi
}

until problem="$(check)"; do
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "[smoke-check] FAILED: $problem" >&2; exit 1; fi
  sleep 5
done
echo "[smoke-check] $base is healthy"
