#!/usr/bin/env bash
# Deploys (or updates) the stack and waits until every service has converged:
#   scripts/deploy.sh [stack-name]          (default: agent-team; DOCKER_HOST may point at the manager over ssh)
# Settings (docs/deployment.md): AGENTTEAM_DOMAIN, AGENTTEAM_LLM_PROVIDER (+ AGENTTEAM_LLM_MODEL unless scripted),
# AGENTTEAM_IMAGE_PREFIX, AGENTTEAM_IMAGE_TAG, AGENTTEAM_EDGE (external | bundled), AGENTTEAM_EDGE_NETWORK,
# AGENTTEAM_TRAEFIK_ENTRYPOINT, AGENTTEAM_TRAEFIK_CERTRESOLVER, ACME_EMAIL (bundled only), and the optional
# settings of docs/configuration.md exported in this shell.
# With --detach=false, `docker stack deploy` returns when the services converged; a service whose new tasks fail
# their healthcheck rolls back by itself (update_config.failure_action: rollback) and makes this script fail.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

stack="${1:-agent-team}"
edge="${AGENTTEAM_EDGE:-external}"
: "${AGENTTEAM_DOMAIN:?set AGENTTEAM_DOMAIN (the public host name)}"
: "${AGENTTEAM_LLM_PROVIDER:?set AGENTTEAM_LLM_PROVIDER (openai, ollama, anthropic or scripted)}"
if [ "$AGENTTEAM_LLM_PROVIDER" != scripted ] && [ -z "${AGENTTEAM_LLM_MODEL:-}" ]; then
  echo "[deploy] AGENTTEAM_LLM_MODEL is required with provider $AGENTTEAM_LLM_PROVIDER" >&2; exit 1
fi
AGENTTEAM_CONFIG_VERSION="$(stack_config_version)"
export AGENTTEAM_CONFIG_VERSION
files="$(stack_files "$edge")"

echo "[deploy] stack $stack, edge $edge, image tag ${AGENTTEAM_IMAGE_TAG:-latest}, configs v$AGENTTEAM_CONFIG_VERSION"
# shellcheck disable=SC2086
docker stack config $files >/dev/null
# shellcheck disable=SC2086
docker stack deploy --with-registry-auth --prune --detach=false $files "$stack"
docker stack services "$stack"

# Configs of earlier versions that no service uses any more (in-use ones refuse removal, which is fine).
docker config ls --filter label=com.docker.stack.namespace="$stack" --format '{{.Name}}' \
  | grep -v -- "_$AGENTTEAM_CONFIG_VERSION\$" | xargs -r docker config rm >/dev/null 2>&1 || true
