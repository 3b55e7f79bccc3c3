#!/usr/bin/env bash
# Why edxstack pins the ForkJoin common pool (io.edxstack.program.SdkExecutor): renders the repository's
# prod-primary stack RENDERS times in one JVM started with common-pool parallelism PARALLELISM (what a machine
# with PARALLELISM+1 CPUs gets by default), RUNS times without the pin and RUNS times with it. A run that has
# not finished after TIMEOUT seconds is counted as hung: the SDK's task loop spinning, the program starved.
# Usage: bench/sdk-livelock/run.sh [RUNS] [RENDERS] [PARALLELISM] [TIMEOUT]   (defaults 3 40 2 90). Not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}" renders="${2:-40}" parallelism="${3:-2}" timeout_s="${4:-90}"
cp_file="$(mktemp)" out="$(mktemp)"
trap 'rm -f "$cp_file" "$out"' EXIT
# The program's module and what it depends on, then its test classpath (the program is the reactor's last module,
# so its classpath is the one left in the file).
mvn -B -q -o -pl program -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test
classpath="program/target/test-classes:program/target/classes:$(cat "$cp_file")"
for mode in --unpinned --pinned; do
  hung=0
  for run in $(seq "$runs"); do
    status=0
    timeout "$timeout_s" java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism="$parallelism" \
      -cp "$classpath" io.edxstack.program.ExecutorProbe renders "$renders" "$mode" >"$out" 2>&1 || status=$?
    done_renders="$(grep -c '^render ' "$out" || true)"
    ran_with="$(sed -n 's/^parallelism //p' "$out")"
    if [[ $status -eq 124 ]]; then
      hung=$((hung + 1))
      echo "${mode#--} run $run (parallelism ${ran_with:-?}): hung after $done_renders of $renders renders"
    elif [[ $status -ne 0 ]]; then
      echo "${mode#--} run $run: failed (exit $status)"; tail -5 "$out"; exit 1
    else
      echo "${mode#--} run $run (parallelism $ran_with): $renders renders, last: $(tail -1 "$out")"
    fi
  done
  echo "${mode#--}: $hung of $runs runs hung"
done
