#!/usr/bin/env bash
# Render benchmark: N full platforms (copies of the demo platform) rendered for prod-primary, against the
# SDK mock engine's floor (the same number of bare ConfigMaps in a trivial program, same JVM).
# Usage: bench/render/run.sh [SIZES]   (default 5,50). Prints figures; not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-5,50}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The program's module and what it depends on, then its test classpath (the program is the reactor's last module,
# so its classpath is the one left in the file).
mvn -B -q -o -pl program -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test
java -Xmx1g -XX:+UseSerialGC -cp "program/target/test-classes:program/target/classes:$(cat "$cp_file")" \
  io.edxstack.bench.RenderBench "$PWD" "$sizes"
