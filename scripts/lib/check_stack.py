"""Checks a rendered stack (docker stack config output on stdin) for what docs/deployment.md promises.

Usage: docker stack config -c ... | python3 scripts/lib/check_stack.py <external|bundled> <config-version> <edge-network>
Prints one line per broken promise and exits 1 when there is any.
"""
import sys

import yaml

APPS = ["orchestrator", "po-agent", "scrum-agent", "dev-agent", "qa-agent", "review-agent", "cicd-agent"]
SANDBOXED = ["dev-agent", "qa-agent", "cicd-agent"]


def problems(stack, mode, version, edge):
    services = stack.get("services", {})
    if mode == "external" and "traefik" in services:
        yield "external edge mode must not deploy a Traefik"
    if mode == "bundled" and "traefik" not in services:
        yield "bundled edge mode must deploy Traefik"
    text = yaml.safe_dump(stack)
    if "agent-team_" in text:
        yield "something depends on the stack name (agent-team_...)"
    network = stack.get("networks", {}).get("edge", {})
    if not network.get("external") or network.get("name") != edge:
        yield f"the edge network must be the external network {edge!r}, found {network}"
    for name, config in stack.get("configs", {}).items():
        if not str(config.get("name", "")).endswith("_" + version):
            yield f"config {name} has no versioned name (…_{version}): {config.get('name')}"
    for name, service in services.items():
        if name != "traefik" and service.get("ports"):
            yield f"{name} publishes ports; only the edge proxy may"
    for app in APPS:
        service = services.get(app)
        if service is None:
            yield f"service {app} is missing"
            continue
        if not any(str(f).endswith("stack-settings.env") for f in service.get("env_file") or []):
            yield f"{app}: env_file stack-settings.env is missing (the apps' settings would not reach it)"
        env = service.get("environment") or {}
        expect = {"MANAGEMENT_SERVER_PORT": "8081", "SERVER_FORWARD_HEADERS_STRATEGY": "native",
                  "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADD_ADDITIONAL_PATHS": "true"}
        for key, value in expect.items():
            if env.get(key) != value:
                yield f"{app}: {key} must be {value}, is {env.get(key)!r}"
        if "8081" not in " ".join(service.get("healthcheck", {}).get("test", [])):
            yield f"{app}: the healthcheck must use the management port 8081"
        if not env.get("AGENTTEAM_LLM_PROVIDER"):
            yield f"{app}: no model provider"
        targets = {s.get("target") for s in service.get("secrets", [])}
        for secret in service.get("secrets", []):
            if str(secret.get("uid")) != "10001" or secret.get("mode") not in (0o400, 256, "0400"):
                yield f"{app}: secret {secret.get('target')} must be readable by the app user only (uid 10001, mode 0400)"
        if app != "orchestrator" and app in SANDBOXED + ["review-agent"] and "agentteam.embedded-forge.agent-token" not in targets:
            yield f"{app}: no agent token secret (agentteam.embedded-forge.agent-token)"
        # agents hold no forge token: they push with their task's credential (docs/adr/forge-trust.md)
        forge = sorted(t for t in targets if t and (t.startswith("agentteam.forge.") or t == "agentteam.embedded-forge.token"
                                                     or t.startswith("agentteam.security.agents.")))
        if app != "orchestrator" and forge:
            yield f"{app}: an agent must not hold {', '.join(forge)}"
        if env.get("SPRING_DATA_REDIS_USERNAME") != app or "spring.data.redis.password" not in targets:
            yield f"{app}: must sign in to Redis as its own ACL user {app!r} with its password secret"
        labels = service.get("deploy", {}).get("labels") or {}
        if app != "orchestrator" and any(k.startswith("traefik.") for k in labels):
            yield f"{app} must not be routed by Traefik"
    redis = services.get("redis", {})
    if "--aclfile" not in redis.get("command", []) or not redis.get("secrets"):
        yield "redis: must load its ACL file (secret agentteam_redis_acl; the default user is off)"
    if not any(s.get("source") == "agentteam_prometheus_token" for s in services.get("prometheus", {}).get("secrets", [])):
        yield "prometheus: secret agentteam_prometheus_token missing (the orchestrator's metrics need it)"
    orchestrator = services.get("orchestrator", {})
    env = orchestrator.get("environment") or {}
    if env.get("AGENTTEAM_SECURE_COOKIE") != "true":
        yield "orchestrator: session cookies must be Secure"
    if not env.get("AGENTTEAM_FORGE_PUBLIC_URL"):
        yield "orchestrator: AGENTTEAM_FORGE_PUBLIC_URL must be set (clone URLs)"
    targets = {s.get("target") for s in orchestrator.get("secrets", [])}
    for target in ["agentteam.forge.admin-token", "spring.datasource.password"] + [
            f"agentteam.security.agents.tokens.{role}" for role in ("dev", "qa", "review", "cicd")]:
        if target not in targets:
            yield f"orchestrator: secret {target} missing"
    labels = orchestrator.get("deploy", {}).get("labels") or {}
    if labels.get("traefik.swarm.network") != edge:
        yield f"orchestrator: traefik.swarm.network must be {edge}"
    if not any(k.endswith(".loadbalancer.server.port") and v == "8080" for k, v in labels.items()):
        yield "orchestrator: Traefik must route to the public port 8080 (never the management port)"


def main():
    mode, version, edge = sys.argv[1:4]
    found = list(problems(yaml.safe_load(sys.stdin), mode, version, edge))
    for problem in found:
        print(problem)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
