#!/usr/bin/env bash
# Starts the scenario replay server: an OpenAI-compatible chat-completions endpoint that replays the scripted
# scenarios (prompts/scenarios, misbehaving ones included) over HTTP, so agents run through their real `openai`
# provider code. Point them at it with AGENTTEAM_LLM_PROVIDER=openai AGENTTEAM_LLM_BASE_URL=http://127.0.0.1:PORT/v1
# AGENTTEAM_LLM_MODEL=replay (per role: AGENTTEAM_LLM_ROLES_<ROLE>_BASE_URL=http://127.0.0.1:PORT/<role>/v1).
#
#   scripts/replay-model.sh [--port 8099] [--scenarios classpath:prompts/scenarios | file:/dir] [--role dev] [--api-key KEY]
#
# Runs in the foreground (Ctrl-C stops it) from the dev agent's jar, built once with Maven if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$(ls dev-agent/target/dev-agent-*.jar 2>/dev/null | grep -v -e '-classes' -e '-lib' | head -1 || true)"
if [ -z "$jar" ]; then
  mvn -B -ntp -q -pl dev-agent -am package -DskipTests
  jar="$(ls dev-agent/target/dev-agent-*.jar | grep -v -e '-classes' -e '-lib' | head -1)"
fi
exec java -cp "$jar" -Dloader.main=dev.agentteam.common.llm.ScenarioReplayServer \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
