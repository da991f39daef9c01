#!/usr/bin/env bash
# Runs the docs' walk-throughs as written, command by command, against a running local stack (scripts/run-local.sh,
# freshly started: PR 1 must be the demo epic's): first the end-to-end block of docs/demo.md, then the README's quick
# tour. Every `curl` of the docs must answer 2xx, or the walk-through fails naming the command. The docs say "seconds
# later" / "about a minute later": a GET answering 404 and an action answering 409 are tried again for up to
# AGENT_TEAM_WALKTHROUGH_WAIT seconds (180). `localhost:8080` is moved to AGENT_TEAM_PORT_BASE.
# TOKEN (admin) and ALICE_TOKEN are made the way the docs say, by signing in and creating one at /account/tokens; the
# admin password is the one run-local.sh printed (read from the owner-only file under the run directory's data/).
# AGENT_TEAM_WALKTHROUGH_SKIP_DEMO=1 runs only the README tour (after docs/demo.md already ran on this stack).
#   scripts/walkthrough-test.sh
set -euo pipefail
# shellcheck source=lib/local-env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/local-env.sh"
# shellcheck source=lib/stack-client.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack-client.sh"
BASE="http://localhost:$PORT_BASE"
WAIT="${AGENT_TEAM_WALKTHROUGH_WAIT:-180}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The bash block that follows the line matching $2 in file $1 (the first fenced block after it).
block() {
  awk -v start="$2" 'found == 0 && index($0, start) { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```/ { exit }
    found == 2 { print }' "$ROOT_DIR/$1"
}

# The docs' curl, checked: 2xx passes; 404 on GET and 409 are tried again until WAIT runs out.
curl() {
  local args=() a method=GET status waited=0
  for a in "$@"; do args+=("${a//localhost:8080/localhost:$PORT_BASE}"); done
  for a in "${args[@]}"; do [ "$a" = "POST" ] && method=POST; done
  while :; do
    status="$(command curl -sS -o "$WORK/body" -w '%{http_code}' "${args[@]}")"
    case "$status" in 2??) cat "$WORK/body"; echo; return 0 ;; esac
    if { [ "$status" = 404 ] && [ "$method" = GET ]; } || [ "$status" = 409 ]; then
      if [ "$waited" -lt "$WAIT" ]; then sleep 3; waited=$((waited + 3)); continue; fi
    fi
    log "FAILED ($status): curl $*"; cat "$WORK/body" >&2; echo >&2
    exit 1
  done
}

run() {
  local name="$1" script="$2"
  [ -n "$script" ] || die "$name: no walk-through block found (did the doc's heading change?)"
  log "$name: $(grep -c '^curl' <<<"$script") curl commands"
  # shellcheck disable=SC1090
  source /dev/stdin <<<"$script"
  log "$name: passed"
}

password="$(admin_password)"
TOKEN="$(token_for admin "$password")"
[ -n "$TOKEN" ] || die "could not create an API token as admin"
export TOKEN

[ -n "${AGENT_TEAM_WALKTHROUGH_SKIP_DEMO:-}" ] || run "docs/demo.md" "$(block docs/demo.md '## The demo, end to end')"

# The README's tour creates alice in step 3, then uses a token of hers: made between the two as a person would.
tour="$(block README.md 'or with the API:')"
before="$(sed '/ALICE_TOKEN/,$d' <<<"$tour")"
after="$(sed -n '/ALICE_TOKEN/,$p' <<<"$tour")"
run "README quick tour (steps 1-3, up to alice)" "$(grep -v '^export TOKEN=' <<<"$before")"
ALICE_TOKEN="$(token_for alice choose-a-long-password)"
[ -n "$ALICE_TOKEN" ] || die "could not create an API token as alice"
run "README quick tour (approve, merge, metrics)" "$after"
log "all walk-throughs passed"
