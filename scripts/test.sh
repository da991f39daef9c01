#!/usr/bin/env bash
# The full test suite: prepares PostgreSQL (pgvector) and Redis, then runs every module's tests.
#   scripts/test.sh [extra Maven args, e.g. -pl dev-agent -am]
# AGENT_TEAM_TEST_DB / AGENT_TEAM_TEST_REDIS_DB pick the test database and Redis index
# (defaults agentteam_test / 0). The test database is created afresh on every run, so a suite never
# inherits the schema history of an earlier checkout (Flyway refuses edited or out-of-order migrations).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export AGENT_TEAM_TEST_DB="${AGENT_TEAM_TEST_DB:-agentteam_test}"
export AGENT_TEAM_TEST_DBS="${AGENT_TEAM_TEST_DBS:-$AGENT_TEAM_TEST_DB}"
bash scripts/dev-services.sh
bash scripts/dev-services.sh --reset-test-db "$AGENT_TEAM_TEST_DB"
mvn -B -ntp verify "$@"
