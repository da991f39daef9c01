# Shared by walkthrough-test.sh and attack-test.sh (sourced after local-env.sh): talking to a running local stack as a
# person would — the first-start admin password, a form login with its session cookies, API tokens from /account/tokens.
# Needs BASE (the orchestrator's URL) and WORK (a scratch directory the caller removes).

# The first start writes the admin password to a file only its user can read (never to the log); run-local.sh prints it.
admin_password() {
  local password_file="${AGENTTEAM_DATA_DIR:-$RUN_DIR/data}/initial-admin-password"
  [ -s "$password_file" ] || die "no $password_file: start a fresh stack with scripts/run-local.sh"
  tr -d '[:space:]' <"$password_file"
}

# The CSRF token of a page of the session in cookie jar $1.
csrf_of() {
  command curl -s -c "$1" -b "$1" "$BASE$2" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1
}

# Signs in with the login form; the session lives in the cookie jar $WORK/<user>.cookies. Prints where /login sent us.
sign_in() {
  local user="$1" password="$2" jar="$WORK/$1.cookies"
  command curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$(csrf_of "$jar" /login)" "$BASE/login"
}

# Signs in and creates an API token on /account/tokens, as a person would; prints it.
token_for() {
  local user="$1" jar="$WORK/$1.cookies" page
  sign_in "$user" "$2" >/dev/null
  page="$(command curl -s -L -c "$jar" -b "$jar" --data-urlencode "name=stack test $(date +%s%N)" \
    --data-urlencode "_csrf=$(csrf_of "$jar" /account/tokens)" "$BASE/account/tokens")"
  sed -n 's/.*id="created-token"[^>]*>\(at_[A-Za-z0-9_-]*\)<.*/\1/p' <<<"$page" | head -1
}
