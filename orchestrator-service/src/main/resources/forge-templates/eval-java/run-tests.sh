#!/bin/sh
# Compiles src/ and runs every *Test class; any failing check ends the run with a non-zero exit code.
set -e
rm -rf build
mkdir -p build
javac -d build $(find src -name '*.java' | sort)
for test in $(cd build && find . -name '*Test.class' | sed 's#^\./##; s#\.class$##; s#/#.#g' | sort); do
  echo "== $test"
  java -ea -cp build "$test"
done
echo "ALL TESTS PASSED"
