#!/usr/bin/env bash
# The full test suite: prepares PostgreSQL (pgvector) and Redis, runs every module's tests, then the walk-throughs
# and the attack replay against a fresh isolated stack (scripts/stack-test.sh, about four minutes).
#   scripts/test.sh [extra Maven args, e.g. -pl dev-agent -am]
# AGENT_TEAM_TEST_DB / AGENT_TEAM_TEST_REDIS_DB pick the test database and Redis index
# (defaults agentteam_test / 15, apart from run-local.sh's database agentteam and Redis index 0, so both can run
# at once). The test database is created afresh on every run, so a suite never inherits the schema history of an earlier checkout (Flyway refuses edited or out-of-order migrations).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export AGENT_TEAM_TEST_DB="${AGENT_TEAM_TEST_DB:-agentteam_test}"
export AGENT_TEAM_TEST_DBS="${AGENT_TEAM_TEST_DBS:-$AGENT_TEAM_TEST_DB}"
bash scripts/dev-services.sh
bash scripts/dev-services.sh --reset-test-db "$AGENT_TEAM_TEST_DB"

# The UI's browser tests drive headless Chromium through chromedriver, both from Debian's packages (explicit paths,
# nothing downloaded at test time; AGENT_TEAM_CHROMIUM / AGENT_TEAM_CHROMEDRIVER point elsewhere if needed).
if [ ! -x "${AGENT_TEAM_CHROMIUM:-/usr/bin/chromium}" ] || [ ! -x "${AGENT_TEAM_CHROMEDRIVER:-/usr/bin/chromedriver}" ]; then
  root=(); [ "$(id -u)" -eq 0 ] || root=(sudo -n)
  "${root[@]}" apt-get update -qq
  "${root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

mvn -B -ntp verify "$@"

# Then the docs' walk-throughs and issue 13's attack replay against a fresh, isolated stack built from the jars verify
# just packaged (scripts/stack-test.sh). AGENT_TEAM_STACK_TESTS: auto (only for the whole suite, i.e. without Maven
# arguments), on, off.
# the jars were just packaged by `mvn verify` above (AGENT_TEAM_STACK_JARS_BUILT: see stack-test.sh)
case "${AGENT_TEAM_STACK_TESTS:-auto}" in
  on) AGENT_TEAM_STACK_JARS_BUILT=1 bash scripts/stack-test.sh ;;
  auto) [ "$#" -gt 0 ] || AGENT_TEAM_STACK_JARS_BUILT=1 bash scripts/stack-test.sh ;;
  off) ;;
  *) echo "AGENT_TEAM_STACK_TESTS must be auto, on or off" >&2; exit 2 ;;
esac
