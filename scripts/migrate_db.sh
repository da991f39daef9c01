#!/usr/bin/env bash
# Flyway against a given database, with exactly the migrations the orchestrator ships (it migrates by itself at
# start; this is for checking, or migrating before a start):
#   scripts/migrate_db.sh info|validate|migrate [--url JDBC-URL] [--user NAME]      (password: SPRING_DATASOURCE_PASSWORD)
#   scripts/migrate_db.sh info|validate|migrate --stack agent-team                  (on the Swarm manager: runs in the
#                                                                                    orchestrator's container, with its secret)
# Locally it runs dev.agentteam.orchestrator.migration.MigrateDb from the orchestrator's jar (built when missing).
# Exit status: 0 done, 1 validation failed, 2 usage.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
main_class=dev.agentteam.orchestrator.migration.MigrateDb
launcher=org.springframework.boot.loader.launch.PropertiesLauncher

command="${1:-}"
case "$command" in migrate|info|validate) shift ;; *) sed -n '2,9p' "$0" >&2; exit 2 ;; esac
stack=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) export SPRING_DATASOURCE_URL="$2"; shift 2 ;;
    --user) export SPRING_DATASOURCE_USERNAME="$2"; shift 2 ;;
    --stack) stack="$2"; shift 2 ;;
    *) echo "[migrate_db] unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ -n "$stack" ]; then
  container="$(docker ps -q --filter "label=com.docker.swarm.service.name=${stack}_orchestrator" | head -n1)"
  [ -n "$container" ] || { echo "[migrate_db] no running ${stack}_orchestrator container on this node" >&2; exit 1; }
  exec docker exec "$container" java -Dloader.main="$main_class" -cp /app "$launcher" "$command"
fi

jar="orchestrator-service/target/orchestrator-service-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ -n "$(find migrations orchestrator-service/src/main -newer "$jar" -type f -print -quit)" ]; then
  echo "[migrate_db] building the orchestrator jar" >&2
  mvn -B -ntp -q -pl orchestrator-service -am -DskipTests package >&2
fi
exec java -Dloader.main="$main_class" -cp "$jar" "$launcher" "$command"
