#!/usr/bin/env bash
# Render benchmark: N full platforms (copies of the demo platform) rendered for prod-primary, against the
# SDK mock engine's floor (the same number of bare ConfigMaps in a trivial program, same JVM).
# Usage: bench/render/run.sh [SIZES]   (default 5,50). Prints figures; not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-5,50}"
mvn -B -q -o test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
java -Xmx1g -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  io.edxstack.bench.RenderBench "$PWD" "$sizes"
