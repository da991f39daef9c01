#!/usr/bin/env bash
# Replays the attacks of issue 13 that can be tried from outside against a running, freshly started local stack
# (scripts/run-local.sh; scripts/stack-test.sh starts an isolated one and runs this after scripts/walkthrough-test.sh),
# the way an attacker would: curl, git and raw HTTP, no access to the database. Each attack is one function; each
# checks that the stack refuses it (status, body, and where it matters that nothing changed) and names the attack
# when it does not. All attacks run; the script fails when one or more were not refused. docs/security.md maps each
# attack to its control and to the unit/integration test that performs it too.
#
# It signs in as admin (the first-start password under the run directory) and creates a viewer and an approver of its
# own. The four-eyes attack needs an open pull request of an epic the admin owns: it posts the demo epic at the start
# and waits up to AGENT_TEAM_ATTACK_WAIT seconds (300) for its pull request. The webhook attacks sign deliveries with
# AGENTTEAM_GITHUB_WEBHOOK_SECRET when it is set (stack-test.sh sets one); without it they check the 503 refusal.
# Login throttling runs last: it spends failed logins of this machine's address (run it at most twice per stack).
#   scripts/attack-test.sh
set -euo pipefail
# shellcheck source=lib/local-env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/local-env.sh"
# shellcheck source=lib/stack-client.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack-client.sh"
PORT="$PORT_BASE"
BASE="http://127.0.0.1:$PORT"
WAIT="${AGENT_TEAM_ATTACK_WAIT:-300}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RUN_ID="$(date +%s)$$"
failed=()
attack=""

# --- checking ---------------------------------------------------------------------------------------------------

not_refused() { log "ATTACK NOT REFUSED: $attack: $*"; failed+=("$attack"); }

# Sends a request with curl; sets STATUS, TYPE (content type) and BODY.
send() {
  local meta
  meta="$(command curl -sS --path-as-is --max-time 30 -o "$WORK/body" -w '%{http_code} %{content_type}' "$@" || true)"
  STATUS="${meta%% *}"; TYPE="${meta#* }"; BODY="$(cat "$WORK/body" 2>/dev/null || true)"
}

# expect STATUS [TEXT...]: the last answer had this status and contains every TEXT.
expect() {
  local want="$1" text; shift
  [ "$STATUS" = "$want" ] || { not_refused "expected $want, got $STATUS: ${BODY:0:300}"; return 1; }
  for text in "$@"; do
    grep -qF -- "$text" <<<"$BODY" || { not_refused "answer $STATUS lacks '$text': ${BODY:0:300}"; return 1; }
  done
}

# expect_problem STATUS [TEXT...]: as expect, and the answer is application/problem+json.
expect_problem() {
  expect "$@" || return 1
  [[ "$TYPE" == application/problem+json* ]] || not_refused "answer $STATUS is '$TYPE', not application/problem+json"
}

api() { local token="$1"; shift; send -H "Authorization: Bearer $token" -H 'Accept: application/json' "$@"; }
json_post() { local token="$1" path="$2"; shift 2; api "$token" -X POST -H 'Content-Type: application/json' "$BASE$path" -d "$@"; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1" <<<"$BODY"; }

# A raw HTTP/1.1 request (curl would correct what the attack needs wrong); prints the whole answer.
raw_http() {
  local answer
  exec 3<>"/dev/tcp/127.0.0.1/$PORT"
  printf '%b' "$1" >&3
  answer="$(timeout 30 cat <&3 || true)"
  exec 3<&- 3>&-
  printf '%s' "$answer"
}

# Runs one attack; a function that returns non-zero without saying why still counts as not refused.
try() {
  attack="$1"
  log "attack: $attack"
  local before="${#failed[@]}"
  if ! "$2" && [ "${#failed[@]}" -eq "$before" ]; then not_refused "the check itself failed"; fi
}

# --- the attacks (issue 13) -------------------------------------------------------------------------------------

# 1. A Host header of the attacker's must not become the clone URL an agent sends its forge token to.
host_header_token_leak() {
  local answer
  answer="$(raw_http "GET /api/repositories HTTP/1.1\r\nHost: attacker.example\r\nX-Forwarded-Host: attacker.example\r\nAuthorization: Bearer $TOKEN\r\nAccept: application/json\r\nConnection: close\r\n\r\n")"
  grep -q '^HTTP/1.1 200' <<<"$answer" || { not_refused "GET /api/repositories did not answer 200: ${answer:0:200}"; return; }
  grep -qF "attacker.example" <<<"$answer" && not_refused "a URL was built from the Host header: $(grep -o '"[^"]*attacker.example[^"]*"' <<<"$answer" | head -1)"
  grep -qF "http://127.0.0.1:$PORT/git/demo.git" <<<"$answer" || not_refused "the clone URL is not the configured one"
  answer="$(raw_http "GET /api/forge/repos/agentteam/demo HTTP/1.1\r\nHost: attacker.example\r\nX-Forwarded-Host: attacker.example\r\nAuthorization: Bearer $FORGE_AGENT_TOKEN\r\nConnection: close\r\n\r\n")"
  grep -q '^HTTP/1.1 200' <<<"$answer" || { not_refused "the forge API did not answer 200: ${answer:0:200}"; return; }
  ! grep -qF "attacker.example" <<<"$answer" || not_refused "the forge API built a URL from the Host header"
}

# 2. A viewer posts the UI's forms (epic, sprint, clarification answer, requeue): 403, and no epic appears.
viewer_posts_ui_forms() {
  local jar="$WORK/$VIEWER.cookies" form csrf title="Viewer's epic $RUN_ID"
  csrf="$(csrf_of "$jar" /account/tokens)"
  [ -n "$csrf" ] || { not_refused "the viewer is not signed in"; return; }
  for form in "/backlog/epics title=$title" "/sprints start=2026-12-01&end=2026-12-14&capacityPoints=5" \
      "/clarifications/1/answer answer=because" "/agents/dead-letters/1/requeue x=1"; do
    send -c "$jar" -b "$jar" --data "${form#* }&_csrf=$csrf" "$BASE${form%% *}"
    [ "$STATUS" = 403 ] || not_refused "a viewer's POST ${form%% *} answered $STATUS, not 403"
  done
  api "$TOKEN" "$BASE/api/backlog?page=0&size=200"
  ! grep -qF "$title" <<<"$BODY" || not_refused "the viewer's epic was created"
}

# 3. Importing a server path as a repository (its test command would then run over it).
import_server_path() {
  json_post "$TOKEN" /api/repositories "{\"name\": \"etc-$RUN_ID\", \"test_command\": \"cat passwd\", \"source\": {\"type\": \"path\", \"path\": \"/etc\"}}"
  expect_problem 422 "Importing from a server path is off"
  api "$TOKEN" "$BASE/api/repositories"
  ! grep -qF "etc-$RUN_ID" <<<"$BODY" || not_refused "the repository etc-$RUN_ID was registered"
}

# 4. An approver posts an epic in someone else's name (owner_id), to approve its work as a "different" person.
owner_id_spoofing() {
  json_post "$APPROVER_TOKEN" /api/epics "{\"title\": \"Spoofed $RUN_ID\", \"description\": \"x\", \"owner_id\": $ADMIN_ID}"
  expect_problem 422 "is not you"
}

# 4. An admin mints an API token for another user, to act as them.
mint_token_for_another_user() {
  json_post "$TOKEN" "/api/users/$APPROVER_ID/tokens" '{"name": "as the approver"}'
  [ "$STATUS" = 404 ] || [ "$STATUS" = 405 ] || not_refused "POST /api/users/$APPROVER_ID/tokens answered $STATUS"
  grep -q '"token"' <<<"$BODY" && not_refused "a token was handed out: ${BODY:0:200}"
  return 0
}

# 4. Four-eyes: the epic's owner approves its own pull request; another approver merges without an approval.
four_eyes() {
  local pr="$OWN_PR"
  [ -n "$pr" ] || { not_refused "no open pull request of the admin's epic within ${WAIT}s (see the stack's logs)"; return; }
  api "$TOKEN" -X POST "$BASE/api/pull-requests/$pr/approve"
  expect_problem 403 "owner of the epic"
  api "$APPROVER_TOKEN" -X POST "$BASE/api/pull-requests/$pr/merge"
  [[ "$STATUS" == 4?? ]] || not_refused "merging without an approval answered $STATUS"
  api "$TOKEN" "$BASE/api/pull-requests/$pr"
  grep -q '"status" *: *"OPEN"' <<<"$BODY" || not_refused "pull request $pr is no longer open: ${BODY:0:200}"
}

# 5. The forge's admin token pushes to the default branch and merges a pull request through the forge API.
forge_admin_token_push_and_merge() {
  local clone="$WORK/demo" token before after
  for token in "$FORGE_ADMIN_TOKEN" "$FORGE_AGENT_TOKEN"; do
    rm -rf "$clone"
    git -c http.extraHeader="Authorization: Bearer $token" clone -q "$BASE/git/demo.git" "$clone" 2>"$WORK/git.err" \
      || { not_refused "could not clone demo: $(cat "$WORK/git.err")"; return; }
    before="$(git -C "$clone" rev-parse HEAD)"
    git -C "$clone" -c user.name=mallory -c user.email=m@example.com commit -q --allow-empty -m "straight to main"
    if git -C "$clone" -c http.extraHeader="Authorization: Bearer $token" push -q origin HEAD:main 2>"$WORK/git.err"; then
      not_refused "a forge token pushed to main"
    fi
    after="$(git -c http.extraHeader="Authorization: Bearer $token" ls-remote "$BASE/git/demo.git" refs/heads/main | cut -f1)"
    [ "$after" = "$before" ] || not_refused "main moved from $before to $after"
  done
  send -X PUT -H "Authorization: Bearer $FORGE_ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{}' \
    "$BASE/api/forge/repos/agentteam/demo/pulls/1/merge"
  expect_problem 403 "No forge token merges"
}

# 5/7. An agent's token (what a compromised agent holds) reaches nothing but its own running task's forge
#      credential: every other API call is refused, and a task that is not running gives no credential.
agent_token_reaches_only_its_credential() {
  api "$DEV_AGENT_TOKEN" "$BASE/api/epics"
  expect_problem 403  # reading the backlog
  json_post "$DEV_AGENT_TOKEN" /api/epics '{"title": "Agent epic", "description": "An agent posts work for itself."}'
  expect_problem 403  # posting an epic
  api "$DEV_AGENT_TOKEN" -X POST -H "X-Agent-Worker: dev-1" "$BASE/api/tasks/1/forge-credential"
  [ "$STATUS" = 403 ] || [ "$STATUS" = 409 ] || not_refused "a credential for a task the agent does not run answered $STATUS"
  [[ "$TYPE" == application/problem+json* ]] || not_refused "the credential refusal is '$TYPE', not problem+json"
  api "not-an-agent-token-$RUN_ID" -X POST -H "X-Agent-Worker: dev-1" "$BASE/api/tasks/1/forge-credential"
  [ "$STATUS" = 401 ] || not_refused "a made-up agent token answered $STATUS, not 401"
}

# 8. The webhook: a body declared above the limit is refused before it is read; an unsigned delivery neither counts
#    nor poisons its delivery id for the signed one; a signed body replayed under a new id is a duplicate.
webhook_oversize_and_unsigned_dedupe() {
  local answer body='{"zen":"attack replay","hook_id":1}' id="attack-$RUN_ID"
  answer="$(raw_http "POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: ping\r\nX-GitHub-Delivery: big-$RUN_ID\r\nX-Hub-Signature-256: sha256=00\r\nContent-Length: 2000000000\r\nConnection: close\r\n\r\n{}")"
  if [ -z "${AGENTTEAM_GITHUB_WEBHOOK_SECRET:-}" ]; then
    grep -q '^HTTP/1.1 503' <<<"$answer" || not_refused "without a secret the webhook did not answer 503: ${answer:0:200}"
    return
  fi
  grep -q '^HTTP/1.1 413' <<<"$answer" || not_refused "a 2 GB declared body answered: ${answer:0:200}"
  send -H 'Content-Type: application/json' -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: $id" -d "$body" "$BASE/webhooks/github"
  expect_problem 401 "X-Hub-Signature-256"
  send -H 'Content-Type: application/json' -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: $id" \
    -H "X-Hub-Signature-256: sha256=$(signature "$body")" -d "$body" "$BASE/webhooks/github"
  expect 200 '"pong"' || return 0
  send -H 'Content-Type: application/json' -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: $id-again" \
    -H "X-Hub-Signature-256: sha256=$(signature "$body")" -d "$body" "$BASE/webhooks/github"
  expect 200 '"duplicate"'
}
signature() {
  python3 -c 'import hashlib, hmac, os, sys
print(hmac.new(os.environ["AGENTTEAM_GITHUB_WEBHOOK_SECRET"].encode(), sys.argv[1].encode(), hashlib.sha256).hexdigest())' "$1"
}

# 8. Metrics and health details are not public.
public_actuator() {
  send "$BASE/actuator/health"
  expect 200 '"status":"UP"' || return 0
  grep -qE 'components|"db"|"redis"' <<<"$BODY" && not_refused "anonymous health shows details: ${BODY:0:200}"
  local path
  for path in /actuator/prometheus /actuator/env /actuator/heapdump /actuator/configprops; do
    send "$BASE$path"
    [ "$STATUS" = 401 ] || [ "$STATUS" = 404 ] || not_refused "anonymous GET $path answered $STATUS"
  done
  send -H "Authorization: Bearer $VIEWER_TOKEN" "$BASE/actuator/prometheus"
  expect 200 "# TYPE"
}

# 8. Every app of the team listens on loopback only, the agents' ports included.
ports_on_other_interfaces() {
  local a port exposed
  for a in $APPS; do
    port="${a##*:}"
    exposed="$(listening_addresses "$port" | grep -vE '^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$' || true)"
    [ -z "$exposed" ] || not_refused "${a%%:*} (port $port) listens on $(tr '\n' ' ' <<<"$exposed")"
    listening_addresses "$port" | grep -q . || not_refused "${a%%:*} does not listen on $port at all"
  done
}
# The local addresses of listening TCP sockets on a port, from /proc/net/tcp{,6} (no ss or netstat needed).
listening_addresses() {
  python3 - "$1" <<'PY'
import socket, struct, sys
port = int(sys.argv[1])
for name, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
    try:
        lines = open(name).read().splitlines()[1:]
    except OSError:
        continue
    for line in lines:
        local, state = line.split()[1], line.split()[3]
        address, hexport = local.split(":")
        if state != "0A" or int(hexport, 16) != port:
            continue
        raw = bytes.fromhex(address)
        raw = b"".join(struct.pack("<I", struct.unpack(">I", raw[i:i + 4])[0]) for i in range(0, len(raw), 4))
        print(socket.inet_ntop(family, raw))
PY
}

# 8. Input that gave a 500: a NUL in a token name, a far-future expires_at, a password over bcrypt's 72 bytes.
bad_input_is_a_400() {
  json_post "$TOKEN" /api/tokens '{"name": "ci\u0000"}'
  expect_problem 400 "NUL characters"
  json_post "$TOKEN" /api/tokens '{"name": "ci", "expires_at": "+999999999-12-31T23:59:59Z"}'
  expect_problem 400
  json_post "$TOKEN" /api/tokens '{"name": "ci", "expires_at": "9999-01-01T00:00:00Z"}'
  expect_problem 400
  json_post "$TOKEN" /api/users "{\"username\": \"long$RUN_ID\", \"role\": \"viewer\", \"password\": \"$(printf 'x%.0s' {1..100})\"}"
  expect_problem 400 "72"
  # (the approver's failed login: the viewer's allowance is spent by the lockout attack)
  [ "$(sign_in "$APPROVER" "$(printf 'y%.0s' {1..100})")" = "$BASE/login?error" ] \
    || not_refused "signing in with a 100-byte password was not a plain wrong password"
}

# 13. Errors outside the happy path are problem+json too: TRACE, unknown methods, malformed paths, unknown paths.
odd_requests_answer_problem_json() {
  local request
  for request in "TRACE /api/backlog" "FOO /api/backlog" "GET /api/%00" "GET /api/a%2Fb" "GET /api/nothing-here"; do
    send -X "${request%% *}" -H "Authorization: Bearer $TOKEN" "$BASE${request#* }"
    [[ "$STATUS" == 4?? ]] || { not_refused "$request answered $STATUS"; continue; }
    [[ "$TYPE" == application/problem+json* ]] || not_refused "$request answered $STATUS as '$TYPE', not problem+json"
  done
}

# 8. Login throttling: nobody learns which usernames exist, and guessing stops after a few tries, alike for both.
login_lockout_and_user_enumeration() {
  local user answer i page
  rm -f "$WORK"/*.cookies  # no session of earlier sign-ins: each try starts signed out
  for user in "$VIEWER" "nobody$RUN_ID"; do
    for i in 1 2 3 4 5; do
      answer="$(sign_in "$user" "wrong $i")"
      [ "$answer" = "$BASE/login?error" ] || not_refused "wrong password $i for $user led to '$answer'"
      page="$(command curl -s -b "$WORK/$user.cookies" "$BASE/login?error")"
      grep -qF "Wrong username or password." <<<"$page" || not_refused "wrong password $i for $user: the page does not say just 'Wrong username or password.'"
    done
    sign_in "$user" "$VIEWER_PASSWORD" >/dev/null
    page="$(command curl -s -b "$WORK/$user.cookies" "$BASE/login?error")"
    grep -qF "Too many failed attempts" <<<"$page" || not_refused "the sixth try for $user was not throttled"
  done
  send -b "$WORK/$VIEWER.cookies" "$BASE/account/tokens"
  [ "$STATUS" = 302 ] || not_refused "the right password got through after five wrong ones ($STATUS)"
}

# --- setup ------------------------------------------------------------------------------------------------------

FORGE_ADMIN_TOKEN="${AGENTTEAM_FORGE_ADMIN_TOKEN:-$(cat "$RUN_DIR/forge-admin-token")}"
DEV_AGENT_TOKEN="${AGENTTEAM_AGENT_TOKEN_DEV:-$(cat "$RUN_DIR/agent-token-dev")}"
password="$(admin_password)"
TOKEN="$(token_for admin "$password")"
[ -n "$TOKEN" ] || die "could not create an API token as admin"
# No agent holds a forge token any more (docs/adr/forge-trust.md): the strongest token an agent can get is a
# credential for one repository, as a task's credential is. The admin mints one for demo to attack with.
api "$TOKEN" "$BASE/api/repositories"
DEMO_ID="$(python3 -c 'import json, sys; d = json.load(sys.stdin); d = d.get("items", d) if isinstance(d, dict) else d; print(next(r["id"] for r in d if r["name"] == "demo"))' <<<"$BODY")"
json_post "$TOKEN" "/api/repositories/$DEMO_ID/forge-credentials" '{}'
[ "$STATUS" = 201 ] || die "could not mint a forge credential for demo ($STATUS): $BODY"
FORGE_AGENT_TOKEN="$(field token)"
api "$TOKEN" "$BASE/api/users"
ADMIN_ID="$(python3 -c 'import json, sys; print(next(u["id"] for u in json.load(sys.stdin) if u["username"] == "admin"))' <<<"$BODY")"

# The admin's own epic, posted first so its pull request is ready by the time four_eyes needs it.
json_post "$TOKEN" /api/epics '{"title": "Word frequencies for textstats", "description": "Writers want to see which words of a text they repeat most, using the textstats library."}'
[ "$STATUS" = 201 ] || die "could not post the admin's epic ($STATUS): $BODY"

VIEWER="viewer$RUN_ID" VIEWER_PASSWORD="viewer-password-$RUN_ID"
json_post "$TOKEN" /api/users "{\"username\": \"$VIEWER\", \"name\": \"Vera\", \"role\": \"viewer\", \"password\": \"$VIEWER_PASSWORD\"}"
[ "$STATUS" = 201 ] || die "could not create the viewer ($STATUS): $BODY"
APPROVER="approver$RUN_ID"
json_post "$TOKEN" /api/users "{\"username\": \"$APPROVER\", \"name\": \"Apollo\", \"role\": \"approver\", \"password\": \"approver-password-$RUN_ID\"}"
[ "$STATUS" = 201 ] || die "could not create the approver ($STATUS): $BODY"
APPROVER_ID="$(field id)"
VIEWER_TOKEN="$(token_for "$VIEWER" "$VIEWER_PASSWORD")"
APPROVER_TOKEN="$(token_for "$APPROVER" "approver-password-$RUN_ID")"
[ -n "$VIEWER_TOKEN" ] && [ -n "$APPROVER_TOKEN" ] || die "could not create API tokens for the viewer and the approver"

try "Host header token leak (1)" host_header_token_leak
try "viewer posts UI forms (2)" viewer_posts_ui_forms
try "import a server path (3)" import_server_path
try "owner_id spoofing (4)" owner_id_spoofing
try "minting a token for another user (4)" mint_token_for_another_user
try "public actuator and health details (8)" public_actuator
try "ports on non-loopback interfaces (8)" ports_on_other_interfaces
try "NUL, far-future expires_at, >72-byte password (8)" bad_input_is_a_400
try "TRACE, unknown methods, malformed paths (API conformance)" odd_requests_answer_problem_json
try "webhook oversize body and unsigned dedupe (8)" webhook_oversize_and_unsigned_dedupe
try "forge admin token pushes main / merges (5)" forge_admin_token_push_and_merge
try "an agent token reaches only its task's credential (5, 7)" agent_token_reaches_only_its_credential

# An open pull request of the admin's epics (every epic on this stack is the admin's: the others were refused).
OWN_PR="" waited=0
while [ -z "$OWN_PR" ] && [ "$waited" -lt "$WAIT" ]; do
  api "$TOKEN" "$BASE/api/pull-requests?status=open"
  OWN_PR="$(python3 -c 'import json, sys; print(next((str(p["id"]) for p in json.load(sys.stdin)), ""))' <<<"$BODY" 2>/dev/null || true)"
  [ -n "$OWN_PR" ] || { sleep 5; waited=$((waited + 5)); }
done
try "four-eyes: owner approves, merge without approval (4)" four_eyes
try "login lockout and user enumeration (8)" login_lockout_and_user_enumeration

if [ "${#failed[@]}" -gt 0 ]; then
  log "FAILED: ${#failed[@]} attack(s) not refused:"; printf '  - %s\n' "${failed[@]}" >&2
  exit 1
fi
log "all attacks refused"
