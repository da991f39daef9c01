"""Reads a rendered stack (docker stack config output) for scripts/stack-smoke.sh.

  stack_env.py FILE env SERVICE       KEY=VALUE lines of the service's environment (passed-through keys without a
                                      value are left out, as Swarm leaves them out when the deploying shell lacks them)
  stack_env.py FILE secrets SERVICE   "source target" lines of the service's secrets
"""
import sys

import yaml


def main():
    path, what, service = sys.argv[1:4]
    spec = yaml.safe_load(open(path))["services"][service]
    if what == "env":
        for key, value in (spec.get("environment") or {}).items():
            if value is not None:
                print(f"{key}={value}")
    elif what == "secrets":
        for secret in spec.get("secrets") or []:
            print(secret["source"], secret.get("target", secret["source"]))
    else:
        sys.exit(f"unknown: {what}")


if __name__ == "__main__":
    main()
