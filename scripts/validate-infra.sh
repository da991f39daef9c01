#!/usr/bin/env bash
# Validates the deployment files offline (no Docker engine needed):
#   - the Swarm stack in both edge modes with `docker stack config` (the docker CLI alone), given only the
#     documented settings, and what the rendered stack promises (scripts/lib/check_stack.py)
#   - infra/compose.yaml, every profile, with `docker-compose config` when Debian's docker-compose is installed
#     (`apt-get install --no-install-recommends docker-compose`; CI installs it); skipped with a note otherwise
#   - the Grafana, Prometheus, Traefik and workflow files parse; the alert rules with promtool when present
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/stack.sh

fail=0
ok() { printf '[validate-infra] ok    %s\n' "$*"; }
note() { printf '[validate-infra] skip  %s\n' "$*"; }
bad() { printf '[validate-infra] FAIL  %s\n' "$*" >&2; fail=1; }

version="$(stack_config_version)"
if command -v docker >/dev/null 2>&1; then
  for edge in external bundled; do
    # Only the settings docs/deployment.md asks for; placeholders are enough to check the structure.
    if out="$(env -i PATH="$PATH" HOME="$HOME" AGENTTEAM_DOMAIN=agents.example.invalid ACME_EMAIL=ops@example.invalid \
          AGENTTEAM_LLM_PROVIDER=openai AGENTTEAM_LLM_MODEL=gpt-4o-mini AGENTTEAM_CONFIG_VERSION="$version" \
          AGENTTEAM_EDGE_NETWORK=edge-of-host docker stack config $(stack_files "$edge") 2>&1)"; then
      ok "docker stack config, edge mode $edge"
      if problems="$(printf '%s' "$out" | python3 scripts/lib/check_stack.py "$edge" "$version" edge-of-host)"; then
        ok "the rendered stack keeps its promises, edge mode $edge"
      else
        bad "edge mode $edge: $problems"
      fi
    else
      bad "docker stack config, edge mode $edge: $out"
    fi
  done
else
  bad "docker CLI not found: cannot check infra/docker-stack.yml"
fi

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  compose=()
  note "infra/compose.yaml: neither docker-compose nor 'docker compose' is installed"
fi
if [ "${#compose[@]}" -gt 0 ]; then
  if out="$("${compose[@]}" -f infra/compose.yaml --profile apps --profile observability config -q 2>&1)"; then
    ok "infra/compose.yaml, all profiles (${compose[*]} config)"
  else
    bad "infra/compose.yaml: $out"
  fi
fi

for f in infra/grafana/dashboards/*.json; do
  if python3 -m json.tool "$f" >/dev/null 2>&1; then ok "$f (JSON)"; else bad "$f is not valid JSON"; fi
done
for f in infra/*.yml infra/compose.yaml infra/prometheus/*.yml infra/traefik/*.yml infra/grafana/provisioning/*/*.yml \
         .github/workflows/*.yml .github/dependabot.yml; do
  [ -f "$f" ] || continue
  if python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f" 2>/dev/null; then ok "$f (YAML)"; else bad "$f is not valid YAML"; fi
done
for f in scripts/*.sh scripts/lib/*.sh infra/backup/*.sh; do
  if bash -n "$f" 2>/dev/null; then ok "$f (bash syntax)"; else bad "$f has a bash syntax error"; fi
done
if command -v promtool >/dev/null 2>&1; then
  if out="$(promtool check rules infra/prometheus/alerts.yml 2>&1)"; then ok "alert rules (promtool)"; else bad "alert rules: $out"; fi
else
  note "alert rules: promtool is not installed (YAML checked above)"
fi

[ "$fail" -eq 0 ] && echo "[validate-infra] all checks passed" || exit 1
