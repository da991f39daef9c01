#!/usr/bin/env bash
# Rolls every app service of the stack back to its previous version (docker service rollback), the orchestrator
# last so the agents never run ahead of its schema:  scripts/rollback.sh [stack-name]
set -uo pipefail
stack="${1:-agent-team}"
status=0
for service in po-agent scrum-agent dev-agent qa-agent review-agent cicd-agent orchestrator; do
  echo "[rollback] ${stack}_${service}"
  docker service rollback --detach=false "${stack}_${service}" || status=1
done
exit "$status"
