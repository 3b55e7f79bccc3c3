#!/usr/bin/env bash
# Render benchmarks. Usage: bench/render/run.sh [SIZES] [WHAT] [REPEATS]   (defaults: 5,50 all 3)
#   sdk:   N full platforms (copies of the demo platform) rendered for prod-primary in one warm JVM, against the
#          SDK mock engine's floor (the same number of bare ConfigMaps in a trivial program, same JVM).
#   tutor: what Tutor adds to a cold render: `render` in a fresh JVM without any Tutor render cache against the
#          same render with every platform cached, alternately, REPEATS times each (medians), load average beside.
#   all:   both.
# Prints figures; not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-5,50}"
what="${2:-all}"
repeats="${3:-3}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The program's module and what it depends on, then its test classpath (the program is the reactor's last module,
# so its classpath is the one left in the file).
mvn -B -q -o -pl program -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test
classpath="program/target/test-classes:program/target/classes:$(cat "$cp_file")"
if [[ "$what" == all || "$what" == sdk ]]; then
  java -Xmx1g -XX:+UseSerialGC -cp "$classpath" io.edxstack.bench.RenderBench "$PWD" "$sizes"
fi
if [[ "$what" == all || "$what" == tutor ]]; then
  # The measured renders run edxstack's Main on the main classes (the jar's content), one JVM each.
  java -cp "$classpath" io.edxstack.bench.TutorRenderBench "$PWD" "$sizes" "$repeats" \
    "program/target/classes:$(cat "$cp_file")"
fi
