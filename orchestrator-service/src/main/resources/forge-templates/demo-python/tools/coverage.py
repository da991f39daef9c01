"""Line coverage of the package by its unittest suite, with the standard library's trace module.

Runs `unittest discover -s tests` under trace (offline), counts the executable lines of every .py file
in the package that ran, and prints "coverage: NN%" as its last line. Exits 1 when a test fails.
Usage: python3 tools/coverage.py [package directory, default textstats]
"""

import os
import sys
import trace
import unittest


def executable_lines(path):
    # trace's own finder: the line numbers that hold code (docstrings excluded; 0 is no line)
    return set(trace._find_executable_linenos(path)) - {0}


def main(argv):
    package = os.path.abspath(argv[0] if argv else "textstats")
    sys.path.insert(0, os.getcwd())
    tracer = trace.Trace(count=1, trace=0)
    # trace only the package's files (trace's own filter caches by module name, so it would skip every
    # __init__.py once it has seen one of the standard library's)
    inside = package + os.sep
    tracer.ignore.names = lambda filename, modulename: not os.path.abspath(filename).startswith(inside)
    outcome = {}

    def run_tests():
        suite = unittest.defaultTestLoader.discover("tests", top_level_dir=os.getcwd())
        outcome["result"] = unittest.TextTestRunner(verbosity=1).run(suite)

    tracer.runfunc(run_tests)
    executed = {}
    for (filename, line), _ in tracer.results().counts.items():
        executed.setdefault(os.path.abspath(filename), set()).add(line)
    total = covered = 0
    for directory, _, files in os.walk(package):
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                lines = executable_lines(path)
                hit = lines & executed.get(path, set())
                total += len(lines)
                covered += len(hit)
                percent = 100.0 * len(hit) / len(lines) if lines else 100.0
                print("%-40s %4d %4d %5.1f%%"
                      % (os.path.relpath(path), len(lines), len(hit), percent))
    percent = 100.0 * covered / total if total else 100.0
    print("coverage: %.1f%%" % percent)
    return 0 if outcome["result"].wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
