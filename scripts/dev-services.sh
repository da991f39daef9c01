#!/usr/bin/env bash
# Makes sure PostgreSQL 15 (with pgvector) and Redis 7 are installed, running and prepared for agent-team.
# Idempotent: every step checks first and does nothing when the work is already done.
# Where a Docker engine answers, `--docker` starts infra/compose.yaml instead.
set -euo pipefail

DB_NAME="${AGENT_TEAM_DB_NAME:-agentteam}"
DB_USER="${AGENT_TEAM_DB_USER:-agentteam}"
DB_PASSWORD="${AGENT_TEAM_DB_PASSWORD:-agentteam}"
TEST_DBS="${AGENT_TEAM_TEST_DBS:-agentteam_test}"
PG_MAJOR=15
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '[dev-services] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
psql_super() { as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ "${1:-}" = "--docker" ]; then
  if docker info >/dev/null 2>&1; then
    log "Docker engine found: starting infra/compose.yaml"
    docker compose -f "$ROOT_DIR/infra/compose.yaml" up -d postgres redis
    exit 0
  fi
  log "no Docker engine answers; installing the services locally instead"
fi

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- PostgreSQL -----------------------------------------------------------------------------
if [ ! -x "/usr/lib/postgresql/${PG_MAJOR}/bin/postgres" ]; then
  log "installing PostgreSQL ${PG_MAJOR}"
  apt_install "postgresql-${PG_MAJOR}" postgresql-client
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  log "starting PostgreSQL ${PG_MAJOR}"
  as_root pg_ctlcluster --skip-systemctl-redirect "${PG_MAJOR}" main start || as_root pg_ctlcluster "${PG_MAJOR}" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

# --- pgvector, built from Debian's source package (not packaged for Debian 12) ---------------
sharedir="$("$PG_CONFIG" --sharedir 2>/dev/null || echo /usr/share/postgresql/${PG_MAJOR})"
if [ ! -f "$sharedir/extension/vector.control" ]; then
  log "building pgvector from Debian's source package (one time, ~1 minute)"
  apt_install "postgresql-server-dev-${PG_MAJOR}" dpkg-dev make gcc
  src_list=/etc/apt/sources.list.d/agent-team-pgvector-src.sources
  work="$(mktemp -d)"
  trap 'as_root rm -f "$src_list"; rm -rf "$work"' EXIT
  as_root tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -qq
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1)
  as_root rm -f "$src_list"
  as_root apt-get update -qq || true
  srcdir="$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  [ -n "$srcdir" ] || { log "pgvector source not found"; exit 1; }
  make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" >/dev/null
  as_root make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" install >/dev/null
  log "pgvector installed"
fi

# --- role, databases, extension --------------------------------------------------------------
if [ "$(psql_super -c "select 1 from pg_roles where rolname='${DB_USER}'")" != "1" ]; then
  log "creating role ${DB_USER}"
  psql_super -c "create role ${DB_USER} login password '${DB_PASSWORD}'"
fi
for db in "$DB_NAME" $TEST_DBS; do
  if [ "$(psql_super -c "select 1 from pg_database where datname='${db}'")" != "1" ]; then
    log "creating database ${db}"
    psql_super -c "create database ${db} owner ${DB_USER}"
  fi
  # vector is not a trusted extension: the superuser creates it before Flyway runs.
  psql_super -d "$db" -c "create extension if not exists vector" >/dev/null
done

# --- Redis ------------------------------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then
  log "installing Redis"
  apt_install redis-server redis-tools
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/agent-team.log
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

log "PostgreSQL (with pgvector) and Redis are ready: db=${DB_NAME} user=${DB_USER}"
