#!/usr/bin/env bash
# Makes sure PostgreSQL (with pgvector) and Redis 7 are installed, running and prepared for agent-team.
# Idempotent: every step checks first and does nothing when the work is already done; when everything
# already answers (for example CI service containers) it only checks and returns.
# Where a Docker engine answers, `--docker` starts infra/compose.yaml instead.
#
# Settings (env): AGENT_TEAM_DB_NAME / _DB_USER / _DB_PASSWORD (agentteam), AGENT_TEAM_TEST_DBS
# (space-separated test databases, default agentteam_test; AGENT_TEAM_TEST_DB is added when set),
# AGENT_TEAM_REDIS_PASSWORD (a Redis this script starts requires it: requirepass; a Redis already running is
# never reconfigured, only warned about when it answers without one),
# AGENT_TEAM_PG_MAJOR (15; on Ubuntu the distro's version is used when 15 is not packaged).
#   scripts/dev-services.sh [--docker | --reset-test-db NAME | --drop-test-db NAME]  (NAME must contain "test")
set -euo pipefail

DB_NAME="${AGENT_TEAM_DB_NAME:-agentteam}"
DB_USER="${AGENT_TEAM_DB_USER:-agentteam}"
DB_PASSWORD="${AGENT_TEAM_DB_PASSWORD:-agentteam-local-dev}"
TEST_DBS="${AGENT_TEAM_TEST_DBS:-agentteam_test} ${AGENT_TEAM_TEST_DB:-}"
PG_MAJOR="${AGENT_TEAM_PG_MAJOR:-15}"
PG_HOST=127.0.0.1
PG_PORT=5432
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '[dev-services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then
    # Without a terminal (CI, .ci/run) a password prompt would hang forever: fail instead.
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else die "this step needs root and sudo is not installed: $*"; fi
}
psql_super() { as_root runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }
# redis-cli with the password from the environment (REDISCLI_AUTH keeps it off the command line).
rcli() { REDISCLI_AUTH="${AGENT_TEAM_REDIS_PASSWORD:-}" redis-cli -h 127.0.0.1 -p 6379 --no-auth-warning "$@"; }
os_id() { (. /etc/os-release 2>/dev/null && echo "${ID:-unknown}") || echo unknown; }

# --- --reset-test-db NAME / --drop-test-db NAME: a fresh, empty test database (scripts/test.sh runs this before the
# suite), or none (scripts/stack-test.sh drops its stack's database when it is done) ---
# Runs SQL as the superuser: through the local socket as postgres, else over TCP as postgres (CI service containers).
sql_as_super() {
  psql_super "$@" 2>/dev/null \
    || PGPASSWORD="${POSTGRES_PASSWORD:-}" psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@" 2>/dev/null
}
case "${1:-}" in
  --reset-test-db|--drop-test-db)
    name="${2:?usage: dev-services.sh $1 NAME}"
    case "$name" in *test*) ;; *) die "refusing to ${1#--} '$name': only databases whose name contains 'test'";; esac
    if [ "$1" = --drop-test-db ]; then
      sql_as_super -c "drop database if exists ${name} with (force)" || die "could not drop ${name}"
      log "test database ${name} dropped"
    elif sql_as_super -c "drop database if exists ${name} with (force)" -c "create database ${name} owner ${DB_USER}" \
         && sql_as_super -d "$name" -c "create extension if not exists vector" >/dev/null; then
      log "test database ${name} created afresh"
    else
      log "WARNING: could not recreate ${name}; the suite runs on the existing database"
    fi
    exit 0 ;;
esac

# --- already prepared? (local install done earlier, CI service containers, compose) ----------
all_ready() {
  command -v psql >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || return 1
  rcli ping >/dev/null 2>&1 || return 1
  local db
  for db in "$DB_NAME" $TEST_DBS; do
    [ "$(PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=3 psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$db" \
        -qAt -c "select 1 from pg_extension where extname='vector'" 2>/dev/null)" = "1" ] || return 1
  done
}
if all_ready; then
  log "PostgreSQL (with pgvector) and Redis already answer: db=${DB_NAME} user=${DB_USER}"
  exit 0
fi

if [ "${1:-}" = "--docker" ]; then
  if docker info >/dev/null 2>&1; then
    log "Docker engine found: starting infra/compose.yaml (postgres, redis)"
    compose() {
      if docker compose version >/dev/null 2>&1; then docker compose -f "$ROOT_DIR/infra/compose.yaml" "$@"
      else docker-compose -f "$ROOT_DIR/infra/compose.yaml" "$@"; fi
    }
    # The compose file's superuser is agentteam; psql runs inside the container, so the host needs
    # no client. TCP (-h 127.0.0.1) skips the image's socket-only server during first initialisation.
    cpsql() { compose exec -T -e PGPASSWORD="$DB_PASSWORD" postgres psql -h 127.0.0.1 -U agentteam -v ON_ERROR_STOP=1 -qAt "$@"; }
    compose up -d postgres redis
    for _ in $(seq 1 60); do
      compose exec -T postgres pg_isready -h 127.0.0.1 -U agentteam -d agentteam >/dev/null 2>&1 \
        && compose exec -T redis redis-cli ping >/dev/null 2>&1 && break
      sleep 2
    done
    cpsql -d agentteam -c "select 1" >/dev/null || die "compose postgres is not ready: $(compose ps 2>&1 | tail -n 5)"
    for db in $TEST_DBS; do
      [ "$(cpsql -d postgres -c "select 1 from pg_database where datname='${db}'")" = "1" ] \
        || cpsql -d postgres -c "create database ${db}"
      cpsql -d "$db" -c "set client_min_messages to warning" -c "create extension if not exists vector" >/dev/null
    done
    log "PostgreSQL (pgvector) and Redis run in Docker (infra/compose.yaml): db=agentteam user=agentteam"
    exit 0
  fi
  log "no Docker engine answers; installing the services locally instead"
fi

command -v apt-get >/dev/null 2>&1 || die "this script supports Debian/Ubuntu (apt); elsewhere run PostgreSQL 15 + pgvector and Redis 7 yourself (or --docker)"

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
apt_has() { [ -n "$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}')" ]; }

# Ubuntu ships one PostgreSQL major per release (22.04: 14, 24.04: 16). Our SQL runs on 14+, so
# rather than add a third-party repository we follow the distro when 15 is not available there.
if [ ! -x "/usr/lib/postgresql/${PG_MAJOR}/bin/postgres" ] && [ "$(os_id)" = "ubuntu" ] \
    && { [ "$apt_updated" -eq 1 ] || { as_root apt-get update -qq; apt_updated=1; }; } \
    && ! apt_has "postgresql-${PG_MAJOR}"; then
  distro_major="$(apt-cache depends postgresql 2>/dev/null | grep -o 'postgresql-[0-9][0-9]*' | head -n 1 | cut -d- -f2)"
  [ -n "$distro_major" ] || die "no PostgreSQL package found in this Ubuntu's archive"
  log "postgresql-${PG_MAJOR} is not packaged for this Ubuntu; using its PostgreSQL ${distro_major}"
  PG_MAJOR="$distro_major"
fi
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"

# --- PostgreSQL -----------------------------------------------------------------------------
if [ ! -x "/usr/lib/postgresql/${PG_MAJOR}/bin/postgres" ]; then
  log "installing PostgreSQL ${PG_MAJOR}"
  apt_install "postgresql-${PG_MAJOR}" postgresql-client
fi
# Some images install the server without creating the default cluster.
if ! as_root pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "${PG_MAJOR} main"; then
  log "creating PostgreSQL ${PG_MAJOR} cluster 'main'"
  as_root pg_createcluster --port "$PG_PORT" "${PG_MAJOR}" main >/dev/null
fi
if ! pg_isready -h "$PG_HOST" -p "$PG_PORT" -q; then
  log "starting PostgreSQL ${PG_MAJOR}"
  # Without systemd (containers, CI) pg_ctlcluster must not redirect to systemctl.
  as_root pg_ctlcluster --skip-systemctl-redirect "${PG_MAJOR}" main start 2>/dev/null \
    || as_root pg_ctlcluster "${PG_MAJOR}" main start
  for _ in $(seq 1 30); do pg_isready -h "$PG_HOST" -p "$PG_PORT" -q && break; sleep 1; done
  pg_isready -h "$PG_HOST" -p "$PG_PORT" -q || die "PostgreSQL did not start; see /var/log/postgresql/"
fi

# --- pgvector -------------------------------------------------------------------------------
# 1. A distro (or PGDG) package when there is one: Ubuntu 24.04 and Debian 13 package it.
# 2. On Debian, Debian 13's source package, built against our server: Debian 12 has no binary package,
#    but trixie's source builds against PostgreSQL 15 in seconds (docs/adr/0002-local-services-instead-of-testcontainers.md). The deb-src line is
#    added only for the download and removed again, so the system keeps installing from its own release.
# 3. Otherwise (Ubuntu without the package, offline) we stop with a clear message: the upstream tarball
#    would need network access to GitHub that this script does not assume.
sharedir="$("$PG_CONFIG" --sharedir 2>/dev/null || echo "/usr/share/postgresql/${PG_MAJOR}")"
if [ ! -f "$sharedir/extension/vector.control" ]; then
  [ "$apt_updated" -eq 1 ] || { as_root apt-get update -qq; apt_updated=1; }
  if apt_has "postgresql-${PG_MAJOR}-pgvector"; then
    log "installing postgresql-${PG_MAJOR}-pgvector"
    apt_install "postgresql-${PG_MAJOR}-pgvector"
  elif [ "$(os_id)" = "debian" ] && [ -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
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
    (cd "$work" && apt-get source -qq pgvector >"$work/source.log" 2>&1) \
      || { cat "$work/source.log" >&2; die "apt-get source pgvector failed"; }
    as_root rm -f "$src_list"
    as_root apt-get update -qq || true
    srcdir="$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
    [ -n "$srcdir" ] || die "pgvector source not found after apt-get source"
    make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" >/dev/null
    as_root make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" install >/dev/null
    log "pgvector installed"
  else
    die "pgvector is not packaged for PostgreSQL ${PG_MAJOR} here; install postgresql-${PG_MAJOR}-pgvector from apt.postgresql.org, or use --docker"
  fi
fi

# --- role, databases, extension --------------------------------------------------------------
if [ "$(psql_super -c "select 1 from pg_roles where rolname='${DB_USER}'")" != "1" ]; then
  log "creating role ${DB_USER}"
  psql_super -c "create role ${DB_USER} login password '${DB_PASSWORD}'"
else
  # keep the password in step with the configuration (a changed default must not lock the apps out)
  psql_super -c "alter role ${DB_USER} with login password '${DB_PASSWORD}'" >/dev/null
fi
for db in "$DB_NAME" $TEST_DBS; do
  if [ "$(psql_super -c "select 1 from pg_database where datname='${db}'")" != "1" ]; then
    log "creating database ${db}"
    psql_super -c "create database ${db} owner ${DB_USER}"
  fi
  # vector is not a trusted extension: the superuser creates it before Flyway runs.
  psql_super -d "$db" -c "set client_min_messages to warning" -c "create extension if not exists vector" >/dev/null
done

# --- Redis ------------------------------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then
  log "installing Redis"
  apt_install redis-server redis-tools
fi
if ! rcli ping >/dev/null 2>&1; then
  log "starting Redis"
  # Redis is a transport here (docs/adr/task-dispatch.md): no persistence, the orchestrator re-enqueues from Postgres.
  as_root mkdir -p /var/lib/redis /var/log/redis
  auth=()
  if [ -n "${AGENT_TEAM_REDIS_PASSWORD:-}" ]; then
    # Read from a file only root can read, so the password is not in the process list.
    conf="$(mktemp)"; printf 'requirepass "%s"\n' "$AGENT_TEAM_REDIS_PASSWORD" >"$conf"; chmod 600 "$conf"
    as_root install -m 600 "$conf" /var/lib/redis/agent-team-auth.conf; rm -f "$conf"
    auth=(/var/lib/redis/agent-team-auth.conf)
  fi
  as_root redis-server "${auth[@]}" --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/agent-team.log
  for _ in $(seq 1 20); do rcli ping >/dev/null 2>&1 && break; sleep 0.5; done
  rcli ping >/dev/null 2>&1 || die "Redis did not start; see /var/log/redis/agent-team.log"
elif [ -n "${AGENT_TEAM_REDIS_PASSWORD:-}" ] && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  log "WARNING: the Redis on 6379 answers without a password; it was started elsewhere and is left as it is"
fi

log "PostgreSQL ${PG_MAJOR} (with pgvector) and Redis are ready: db=${DB_NAME} user=${DB_USER}"
