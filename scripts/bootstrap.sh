#!/usr/bin/env bash
# First-time setup of a Swarm host for agent-team, then the first deploy (docs/deployment.md walks through it):
#   scripts/bootstrap.sh [stack-name]          (default agent-team; run on the manager, or with DOCKER_HOST=ssh://...)
# Idempotent: what exists is kept (secrets are never overwritten; rotate one with docker secret rm + a new run).
#   1. checks Swarm mode (AGENTTEAM_SWARM_INIT=true runs `docker swarm init` when it is off)
#   2. labels this node agentteam.data=true: the services with volumes (PostgreSQL, MinIO, the orchestrator,
#      Prometheus, backups) are placed there
#   3. the edge network: joins the host Traefik's network (AGENTTEAM_EDGE=external, must exist) or creates an
#      attachable overlay network for the bundled Traefik (AGENTTEAM_EDGE=bundled)
#   4. Docker secrets: random passwords, the forge admin token and the agents' tokens; a Redis ACL user and password per app, and the Redis ACL file;
#      the model's API key from AGENTTEAM_LLM_API_KEY and the GitHub token from AGENTTEAM_GITHUB_TOKEN (a placeholder
#      when unset: only the embedded forge / a keyless model); a placeholder for Prometheus's metrics token
#   5. scripts/deploy.sh, then prints the administrator's password once
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stack="${1:-agent-team}"
edge="${AGENTTEAM_EDGE:-external}"
network="${AGENTTEAM_EDGE_NETWORK:-traefik-public}"
log() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

: "${AGENTTEAM_DOMAIN:?set AGENTTEAM_DOMAIN (the public host name, DNS pointing at this host)}"
: "${AGENTTEAM_LLM_PROVIDER:?set AGENTTEAM_LLM_PROVIDER (openai, ollama, anthropic or scripted)}"

# 1. Swarm
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
  [ "${AGENTTEAM_SWARM_INIT:-false}" = true ] || die "this Docker engine is not in Swarm mode (set AGENTTEAM_SWARM_INIT=true to run docker swarm init)"
  docker swarm init >/dev/null && log "swarm initialised"
fi
[ "$(docker info --format '{{.Swarm.ControlAvailable}}')" = true ] || die "run this on a Swarm manager"

# 2. the data node
node="$(docker info --format '{{.Swarm.NodeID}}')"
docker node update --label-add agentteam.data=true "$node" >/dev/null && log "node $node labelled agentteam.data=true"

# 3. the edge network
if docker network inspect "$network" >/dev/null 2>&1; then
  [ "$(docker network inspect -f '{{.Scope}}' "$network")" = swarm ] || die "network $network exists but is not a Swarm overlay network"
  log "edge network $network exists"
elif [ "$edge" = bundled ]; then
  docker network create --driver overlay --attachable "$network" >/dev/null && log "edge network $network created"
else
  die "edge network $network not found: name the host Traefik's network in AGENTTEAM_EDGE_NETWORK, or use AGENTTEAM_EDGE=bundled"
fi

# 4. secrets
secret() { # name value-producing-command...
  local name="$1"; shift
  if docker secret inspect "$name" >/dev/null 2>&1; then log "secret $name exists"; return; fi
  "$@" | docker secret create "$name" - >/dev/null && log "secret $name created"
}
random() { openssl rand -hex 24 | tr -d '\n'; }
value() { printf '%s' "$1"; }
secret agentteam_db_password random
secret agentteam_minio_password random
secret agentteam_grafana_admin_password random
secret agentteam_github_webhook_secret random
secret agentteam_forge_admin_token random
secret agentteam_llm_api_key value "${AGENTTEAM_LLM_API_KEY:-unset}"
secret agentteam_github_token value "${AGENTTEAM_GITHUB_TOKEN:-unset}"
# The administrator's first password: kept in a file readable by root only, printed once below.
admin_file="${AGENTTEAM_BOOTSTRAP_DIR:-$HOME/.agent-team}/$stack-admin-password"
if ! docker secret inspect agentteam_admin_password >/dev/null 2>&1; then
  install -d -m 700 "$(dirname "$admin_file")"
  (umask 077; random >"$admin_file")
  docker secret create agentteam_admin_password "$admin_file" >/dev/null && log "secret agentteam_admin_password created"
fi
# One agent token per role (the orchestrator mounts all four, each agent its own): it only fetches the forge credential
# of a task that agent runs. Agents hold no forge token (docs/adr/forge-trust.md).
for role in dev qa review cicd; do
  secret "agentteam_agent_token_$role" random
done
# Redis: one ACL user per app with its own password (a secret the app reads), and the ACL file the Redis service loads,
# made from infra/redis/users.acl.example with those passwords (Docker secrets cannot be read back, so the file is
# made only in the run that creates the passwords).
acl="$(grep -v '^#' infra/redis/users.acl.example)"
created=0
for app in orchestrator po-agent scrum-agent dev-agent qa-agent review-agent cicd-agent; do
  name="agentteam_redis_password_${app//-/_}"
  if ! docker secret inspect "$name" >/dev/null 2>&1; then
    password="$(random)"
    value "$password" | docker secret create "$name" - >/dev/null
    acl="${acl//REPLACE_$app/$password}"
    created=$((created + 1))
    log "secret $name created"
  fi
done
if ! docker secret inspect agentteam_redis_acl >/dev/null 2>&1; then
  [ "$created" -eq 7 ] || die "agentteam_redis_acl is missing but some agentteam_redis_password_* exist: remove them and run again"
  value "$acl" | docker secret create agentteam_redis_acl - >/dev/null && log "secret agentteam_redis_acl created"
fi
# Prometheus scrapes the orchestrator with a viewer's API token, which exists only once the orchestrator runs:
# a placeholder until then (docs/deployment.md, "Metrics token", replaces it).
secret agentteam_prometheus_token value unset

# 5. the first deploy
scripts/deploy.sh "$stack"
log "done. Sign in at https://$AGENTTEAM_DOMAIN/ as ${AGENTTEAM_ADMIN_USERNAME:-admin}"
[ -f "$admin_file" ] && log "the administrator's first password is in $admin_file (change it after signing in)"
