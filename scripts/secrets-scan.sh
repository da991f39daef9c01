#!/usr/bin/env bash
# Looks for secrets where none may be: the repository's tracked files, and produced logs and artifacts.
#
#   scripts/secrets-scan.sh                  tracked files of this repository (token shapes)
#   scripts/secrets-scan.sh --logs DIR...    every file under DIR (run logs, test reports, artifacts): token shapes,
#                                            plus the exact values in AGENT_TEAM_PLANTED_SECRETS (comma-separated)
#   scripts/secrets-scan.sh --db             agent_logs and artifacts rows of the local database (psql, SPRING_DATASOURCE_*
#                                            or the local defaults) for the planted values
#   scripts/secrets-scan.sh --self-test      plants secrets in a scratch directory and checks that the scan finds each
#
# Exit status 1 when anything is found (each finding: file and line, the value itself is never printed).
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '[secrets-scan] %s\n' "$*" >&2; }

# Token shapes (the same families the redactor knows); placeholders such as ghp_your_token_here do not match.
PATTERNS=(
  'gh[pousr]_[A-Za-z0-9]{36}'
  'github_pat_[A-Za-z0-9_]{60,}'
  'sk-ant-[A-Za-z0-9_-]{32,}'
  'sk-(proj-|svcacct-|admin-)?[A-Za-z0-9]{32,}'
  '(AKIA|ASIA)[0-9A-Z]{16}'
  'xox[baprs]-[0-9]{6,}-[A-Za-z0-9-]{10,}'
  '-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----'
  'at_[A-Za-z0-9_-]{43}'
)
# Test fixtures that hold fake tokens on purpose (the redactor's own tests need real-looking ones).
ALLOW='(src/test/|docs/security.md|scripts/secrets-scan.sh)'

found=0
report() { found=1; log "FOUND $1"; }

# Prints file:line for every match; never the matched text. Files come NUL-separated on stdin.
scan_shapes() {
  local args=() pattern
  for pattern in "${PATTERNS[@]}"; do args+=(-e "$pattern"); done
  xargs -0 -r grep -EnoI "${args[@]}" -- 2>/dev/null | awk -F: '{print $1 ":" $2 " (a token)"}' | sort -u || true
}

scan_planted() {
  [ -n "${AGENT_TEAM_PLANTED_SECRETS:-}" ] || { cat >/dev/null; return 0; }
  local list
  list="$(mktemp)"
  tr ',' '\n' <<<"$AGENT_TEAM_PLANTED_SECRETS" | grep -v '^$' >"$list"
  xargs -0 -r grep -FnoI -f "$list" -- 2>/dev/null | awk -F: '{print $1 ":" $2 " (a planted secret)"}' | sort -u || true
  rm -f "$list"
}

scan_dirs() {
  local out
  out="$( { find "$@" -type f -size -50M -print0 | scan_shapes; find "$@" -type f -size -50M -print0 | scan_planted; } )"
  [ -z "$out" ] || while IFS= read -r hit; do report "$hit"; done <<<"$out"
}

case "${1:-}" in
  "")
    cd "$ROOT_DIR"
    out="$(git ls-files | grep -Ev "$ALLOW" | tr '\n' '\0' | scan_shapes)"
    [ -z "$out" ] || while IFS= read -r hit; do report "$hit"; done <<<"$out"
    [ "$found" -eq 0 ] && log "no secrets in $(git ls-files | wc -l) tracked files"
    ;;
  --logs)
    shift
    [ "$#" -gt 0 ] || { log "usage: --logs DIR..."; exit 2; }
    scan_dirs "$@"
    [ "$found" -eq 0 ] && log "no secrets under $*"
    ;;
  --db)
    [ -n "${AGENT_TEAM_PLANTED_SECRETS:-}" ] || { log "set AGENT_TEAM_PLANTED_SECRETS (comma-separated)"; exit 2; }
    url="${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/agentteam}"
    db="${url##*/}"; db="${db%%\?*}"
    IFS=',' read -ra values <<<"$AGENT_TEAM_PLANTED_SECRETS"
    for value in "${values[@]}"; do
      [ -n "$value" ] || continue
      hits="$(PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-agentteam-local-dev}" psql -h 127.0.0.1 -U "${SPRING_DATASOURCE_USERNAME:-agentteam}" \
        -d "$db" -qAt -v value="$value" <<'SQL'
select 'agent_logs id ' || id from agent_logs
 where strpos(coalesce(prompt, '') || coalesce(response, '') || coalesce(decision, '') || coalesce(metadata::text, ''), :'value') > 0
union all
select 'artifacts id ' || id from artifacts where strpos(coalesce(metadata::text, ''), :'value') > 0;
SQL
)"
      [ -z "$hits" ] || while IFS= read -r hit; do report "$hit (a planted secret)"; done <<<"$hits"
    done
    [ "$found" -eq 0 ] && log "no planted secret in agent_logs or artifacts of $db"
    ;;
  --self-test)
    scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
    planted="planted-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    printf 'a log line with %s in it\n' "$planted" >"$scratch/service.log"
    printf 'token ghp_%s\n' "$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 36)" >"$scratch/ci.txt"
    printf 'nothing to see\n' >"$scratch/clean.txt"
    out="$(AGENT_TEAM_PLANTED_SECRETS="$planted" "$0" --logs "$scratch" 2>&1 || true)"
    for want in service.log ci.txt; do
      grep -q "FOUND $scratch/$want" <<<"$out" || { log "self-test: the planted secret in $want was not found"; exit 1; }
    done
    ! grep -q "$planted" <<<"$out" || { log "self-test: the scan printed the secret itself"; exit 1; }
    ! grep -q "clean.txt" <<<"$out" || { log "self-test: a clean file was reported"; exit 1; }
    log "self-test passed: planted secrets found, values never printed"
    ;;
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) log "unknown option '$1' (try --help)"; exit 2 ;;
esac
exit "$found"
