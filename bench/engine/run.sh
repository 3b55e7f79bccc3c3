#!/usr/bin/env bash
# Engine benchmark: N copies of the demo platform on prod-primary under the real Pulumi engine against a local
# kube-apiserver: pulumi preview (creates), pulumi up and a second preview, side by side with
# `kubectl apply --server-side --dry-run=server` of the same objects. Columns: wall time, peak resident memory of
# the CLI's process tree (CLI and provider), and CPU seconds of the CLI, the Kubernetes provider, the program
# (this JVM, which hosts it as the language host would) and the API server with etcd.
# Usage: bench/engine/run.sh [SIZES]   (default 5,20,50). Prints figures; not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1:-5,20,50}"
bash scripts/engine-tools build
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The program's module and what it depends on, then its test classpath (the program is the reactor's last module,
# so its classpath is the one left in the file).
mvn -B -q -o -pl program -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test
java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=1 \
  -cp "program/target/test-classes:program/target/classes:$(cat "$cp_file")" io.edxstack.e2e.EngineBench "$sizes"
