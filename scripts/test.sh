#!/usr/bin/env bash
# The full test suite: prepares PostgreSQL (pgvector) and Redis, then runs every module's tests.
#   scripts/test.sh [extra Maven args, e.g. -pl dev-agent -am]
# AGENT_TEAM_TEST_DB / AGENT_TEAM_TEST_REDIS_DB pick the test database and Redis index
# (defaults agentteam_test / 0); dev-services.sh creates that database when it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/dev-services.sh
mvn -B -ntp verify "$@"
