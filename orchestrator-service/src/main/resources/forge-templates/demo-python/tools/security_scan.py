"""An offline dependency and code scan (standard library only).

1. Every pinned requirement (name==version in requirements.txt, when the file exists) is checked
   against the vendored advisory list tools/advisories.json:
   {"package": [{"id": ..., "affected": ["1.0", ...], "summary": ...}]}.
2. Every .py file under the package is checked for calls that run untrusted input: eval, exec,
   os.system, pickle.loads and subprocess calls with shell=True.
Prints each finding and exits 1 when there is any.
Usage: python3 tools/security_scan.py [package directory, default textstats]
"""

import ast
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RISKY = {"eval", "exec", "os.system", "pickle.loads", "marshal.loads"}


def requirement_findings(path, advisories):
    if not os.path.exists(path):
        return []
    findings = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*==\s*([A-Za-z0-9_.+-]+)", line.split("#")[0])
            if not match:
                continue
            name, version = match.group(1).lower(), match.group(2)
            for advisory in advisories.get(name, []):
                if version in advisory.get("affected", []):
                    findings.append("%s:%d: %s %s is affected by %s: %s"
                                    % (path, number, name, version, advisory["id"], advisory.get("summary", "")))
    return findings


def call_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.value.id + "." + node.attr
    return ""


def code_findings(package):
    findings = []
    for directory, _, files in os.walk(package):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                tree = ast.parse(handle.read(), filename=path)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                called = call_name(node.func)
                shell = any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value is True
                            for k in node.keywords)
                if called in RISKY or (called.startswith("subprocess.") and shell):
                    findings.append("%s:%d: risky call %s" % (path, node.lineno, called))
    return findings


def main(argv):
    package = argv[0] if argv else "textstats"
    with open(os.path.join(HERE, "advisories.json"), encoding="utf-8") as handle:
        advisories = {name.lower(): entries for name, entries in json.load(handle).items()}
    findings = requirement_findings("requirements.txt", advisories) + code_findings(package)
    for finding in findings:
        print(finding)
    print("security: %d advisory package(s) known, %d finding(s)" % (len(advisories), len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
