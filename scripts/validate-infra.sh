#!/usr/bin/env bash
# Validates the deployment files offline (no Docker engine needed):
#   - infra/docker-stack.yml with `docker stack config` (the docker CLI alone)
#   - infra/compose.yaml, every profile, with `docker-compose config` (Debian's docker-compose;
#     install with `apt-get install --no-install-recommends docker-compose`, or it pulls an engine)
#   - the Grafana dashboard and provisioning files parse
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail=0
ok() { printf '[validate-infra] ok    %s\n' "$*"; }
bad() { printf '[validate-infra] FAIL  %s\n' "$*" >&2; fail=1; }

if command -v docker >/dev/null 2>&1; then
  # The stack requires these at deploy time; placeholders are enough to check the structure.
  if out="$(AGENTTEAM_DOMAIN="${AGENTTEAM_DOMAIN:-agents.example.invalid}" ACME_EMAIL="${ACME_EMAIL:-ops@example.invalid}" \
        docker stack config -c infra/docker-stack.yml 2>&1 >/dev/null)"; then
    ok "infra/docker-stack.yml (docker stack config)"
  else
    bad "infra/docker-stack.yml: $out"
  fi
else
  bad "docker CLI not found: cannot check infra/docker-stack.yml"
fi

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  compose=()
  bad "neither docker-compose nor 'docker compose' found: cannot check infra/compose.yaml"
fi
if [ "${#compose[@]}" -gt 0 ]; then
  if out="$("${compose[@]}" -f infra/compose.yaml --profile apps --profile observability config -q 2>&1)"; then
    ok "infra/compose.yaml, all profiles (${compose[*]} config)"
  else
    bad "infra/compose.yaml: $out"
  fi
fi

if command -v python3 >/dev/null 2>&1; then
  for f in infra/grafana/dashboards/*.json; do
    if python3 -m json.tool "$f" >/dev/null 2>&1; then ok "$f (JSON)"; else bad "$f is not valid JSON"; fi
  done
  if python3 -c 'import yaml' 2>/dev/null; then
    for f in infra/prometheus/*.yml infra/traefik/*.yml infra/grafana/provisioning/*/*.yml .github/workflows/*.yml .github/dependabot.yml; do
      [ -f "$f" ] || continue
      if python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f" 2>/dev/null; then ok "$f (YAML)"; else bad "$f is not valid YAML"; fi
    done
  fi
fi

[ "$fail" -eq 0 ] && echo "[validate-infra] all checks passed" || exit 1
