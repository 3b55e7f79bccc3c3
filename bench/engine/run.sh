#!/usr/bin/env bash
# Engine benchmark: N copies of the demo platform on prod-primary under the real Pulumi engine against a fresh local
# kube-apiserver, for each N side by side in one run: the first `pulumi up`, a no-change `pulumi preview --json
# --show-sames` (as the Zuul preview runs it) and `kubectl apply --server-side --dry-run=server` of the same objects
# (the inputs the program registered, from the stack's state). Each pulumi command runs the program in a JVM of its
# own, as pulumi-language-java does. Columns: wall time, peak resident memory of the process tree, CPU seconds of the
# engine (CLI), the provider, the program, kubectl and the API server with etcd, and the load average (the machine
# may be shared); then the wall time of each pulumi command by phase, the preview/kubectl ratio, the program's share
# and the cost per platform between sizes. Figures, not a test.
# Usage: bench/engine/run.sh [SIZES]   (default 5,20,50)
# Its dry test, which needs no engine tools: mvn -B -ntp -q test -Dtest=EngineBenchDryTest
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-5,20,50}"
if bash scripts/engine-tools list | grep -q ' missing '; then
  bash scripts/engine-tools list >&2
  echo "bench/engine: an engine tool is missing, perhaps run 'scripts/engine-tools build' first (a cold build takes" \
    "hours on two cores, see the README)" >&2
  exit 2
fi
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The program's module and what it depends on, then its test classpath (the program is the reactor's last module,
# so its classpath is the one left in the file).
mvn -B -q -o -pl program -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test
# This JVM only drives the run and samples /proc; the program runs in JVMs of its own, started as the jar would be.
java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=1 \
  -cp "program/target/test-classes:program/target/classes:$(cat "$cp_file")" io.edxstack.e2e.EngineBench "$sizes"
