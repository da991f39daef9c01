#!/usr/bin/env bash
# Protects a GitHub branch so that only reviewed, green pull requests merge — the GitHub side of the human merge
# gate (docs/adr/security.md, the merge gate). Uses the REST API (PUT /repos/{owner}/{repo}/branches/{branch}/protection) with curl.
#
# Usage: GITHUB_TOKEN=... scripts/github-branch-protection.sh <owner/repo> [branch]
#   The token (GITHUB_TOKEN, or AGENTTEAM_GITHUB_TOKEN) needs admin rights on the repository
#   (classic: "repo"; fine-grained: "Administration: write"). It is read from the environment, never an argument.
# Settings (env):
#   REQUIRED_CHECKS     comma-separated status check contexts that must pass (default: "test", the job of
#                       .github/workflows/ci.yml that builds and tests; GitHub names a check after its job)
#   REQUIRED_APPROVALS  approving reviews required (default: 1)
#   GITHUB_API_URL      API base (default: https://api.github.com; GitHub Enterprise: https://host/api/v3)
#   DRY_RUN=1           print the request body instead of sending it
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
repo="$1"
branch="${2:-main}"
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "error: expected <owner/repo>, got '$repo'" >&2; exit 2; }
[[ "$branch" =~ ^[A-Za-z0-9._/-]+$ ]] || { echo "error: invalid branch name '$branch'" >&2; exit 2; }
approvals="${REQUIRED_APPROVALS:-1}"
[[ "$approvals" =~ ^[1-6]$ ]] || { echo "error: REQUIRED_APPROVALS must be 1..6, got '$approvals'" >&2; exit 2; }
api="${GITHUB_API_URL:-https://api.github.com}"

# The required checks as a JSON array of {"context": ...}; contexts are escaped for JSON.
checks=""
IFS=',' read -r -a contexts <<< "${REQUIRED_CHECKS:-test}"
for context in "${contexts[@]}"; do
  context="$(printf '%s' "$context" | sed -e 's/^ *//' -e 's/ *$//')"
  [[ -n "$context" ]] || continue
  escaped="$(printf '%s' "$context" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
  checks+="${checks:+,}{\"context\":\"${escaped}\"}"
done

body=$(cat <<JSON
{
  "required_status_checks": {"strict": true, "checks": [${checks}]},
  "enforce_admins": true,
  "required_pull_request_reviews": {
    "dismiss_stale_reviews": true,
    "require_code_owner_reviews": false,
    "require_last_push_approval": true,
    "required_approving_review_count": ${approvals}
  },
  "restrictions": null,
  "required_linear_history": false,
  "allow_force_pushes": false,
  "allow_deletions": false,
  "required_conversation_resolution": true
}
JSON
)

if [[ "${DRY_RUN:-0}" == "1" ]]; then
  echo "PUT ${api}/repos/${repo}/branches/${branch}/protection"
  echo "$body"
  exit 0
fi

token="${GITHUB_TOKEN:-${AGENTTEAM_GITHUB_TOKEN:-}}"
[[ -n "$token" ]] || { echo "error: set GITHUB_TOKEN (or AGENTTEAM_GITHUB_TOKEN) to a token with admin rights" >&2; exit 2; }

response="$(mktemp)"
trap 'rm -f "$response"' EXIT
# The token goes in a header read from stdin (-H @-), so it never appears in the process list.
status=$(printf 'Authorization: Bearer %s\n' "$token" | curl -sS -o "$response" -w '%{http_code}' -X PUT \
  -H @- -H 'Accept: application/vnd.github+json' -H 'X-GitHub-Api-Version: 2022-11-28' \
  --data-binary "$body" "${api}/repos/${repo}/branches/${branch}/protection")

if [[ "$status" == "200" ]]; then
  echo "Protected ${repo}@${branch}: ${approvals} approving review(s), checks [${REQUIRED_CHECKS:-test}], no force pushes."
else
  echo "error: GitHub answered HTTP ${status}:" >&2
  cat "$response" >&2
  echo >&2
  exit 1
fi
