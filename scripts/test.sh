#!/usr/bin/env bash
# The full test suite: prepares PostgreSQL (pgvector) and Redis, then runs every module's tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/dev-services.sh
mvn -B -ntp verify "$@"
