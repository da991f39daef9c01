# Shared by deploy.sh, bootstrap.sh and validate-infra.sh (sourced): the stack files of an edge mode and the
# version of the Swarm configs (a hash of the files they are made of, so only a changed file gets a new name).

STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The files docker-stack.yml turns into Swarm configs (keep in step with its configs: section).
stack_config_sources() {
  (cd "$STACK_ROOT" && ls infra/postgres/init.sql infra/prometheus/prometheus.yml infra/prometheus/alerts.yml \
    infra/grafana/provisioning/datasources/*.yml infra/grafana/provisioning/dashboards/*.yml \
    infra/grafana/dashboards/*.json infra/traefik/*.yml infra/backup/*.sh scripts/backup.sh)
}

stack_config_version() {
  (cd "$STACK_ROOT" && stack_config_sources | xargs sha256sum | sha256sum | cut -c1-12)
}

# -c arguments for `docker stack config|deploy`: external (join the host's Traefik, default) or bundled.
stack_files() {
  case "${1:-external}" in
    external) echo "-c $STACK_ROOT/infra/docker-stack.yml" ;;
    bundled) echo "-c $STACK_ROOT/infra/docker-stack.yml -c $STACK_ROOT/infra/docker-stack.traefik.yml" ;;
    *) echo "AGENTTEAM_EDGE must be external or bundled, not '$1'" >&2; return 1 ;;
  esac
}
