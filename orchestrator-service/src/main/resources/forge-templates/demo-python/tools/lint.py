"""A small offline linter (standard library only).

Checks every .py file under the given directories (default: the current one): it must compile, have no tab
indentation, no trailing whitespace, no line over 120 characters and no unused import. Exits 1 on any finding.
"""

import ast
import os
import sys

MAX_LINE = 120


def python_files(roots):
    for root in roots:
        for directory, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(directory, name)


def unused_imports(tree, path):
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                name = (alias.asname or alias.name).split(".")[0]
                if name != "*":
                    imported[name] = node.lineno
    if os.path.basename(path) == "__init__.py":
        return []
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    used |= {node.value.id for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                used |= {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    return [(line, "unused import '%s'" % name) for name, line in imported.items() if name not in used]


def check(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        return [(error.lineno or 0, "syntax error: %s" % error.msg)]
    findings = []
    for number, line in enumerate(source.splitlines(), start=1):
        if line != line.rstrip():
            findings.append((number, "trailing whitespace"))
        if line.startswith("\t") or line[:len(line) - len(line.lstrip())].count("\t"):
            findings.append((number, "tab indentation"))
        if len(line) > MAX_LINE:
            findings.append((number, "line longer than %d characters (%d)" % (MAX_LINE, len(line))))
    return findings + unused_imports(tree, path)


def main(argv):
    roots = argv or ["."]
    total = 0
    files = 0
    for path in python_files(roots):
        files += 1
        for line, message in sorted(check(path)):
            print("%s:%d: %s" % (path, line, message))
            total += 1
    print("lint: %d file(s) checked, %d finding(s)" % (files, total))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
