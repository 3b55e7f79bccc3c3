#!/usr/bin/env bash
# The program's JVM flags, without the engine: `render` (the program under the SDK's mocks, which is also what the
# policy gate runs before every preview and up) of N copies of the demo platform, in a fresh JVM each time as
# pulumi-language-java starts the jar, alternating the JVM's defaults with the JDK_JAVA_OPTIONS of the Zuul jobs
# (config-project/zuul.d/jobs.yaml). Prints wall time, CPU (user + sys, children included), peak resident memory and
# the load average of each run. Figures, not a test.
# Usage: bench/engine/program-jvm.sh [PLATFORMS] [ROUNDS]   (default 50 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
platforms="${1:-50}"
rounds="${2:-2}"
zuul_options="$(sed -n 's/^ *JDK_JAVA_OPTIONS: *"\(.*\)" *$/\1/p' config-project/zuul.d/jobs.yaml)"
[[ -n "$zuul_options" ]] || { echo "program-jvm: no JDK_JAVA_OPTIONS in config-project/zuul.d/jobs.yaml" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "program-jvm: needs GNU time (/usr/bin/time)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The program's module and what it depends on (the program is the reactor's last module, so its classpath is the
# one left in the file).
mvn -B -q -o -Dstyle.color=never -pl program -am compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=runtime

# The project with its catalogue replaced by N copies of the demo platform (as the engine benchmark makes it).
project="$work/project"
mkdir -p "$project"
cp Pulumi.yaml Pulumi.prod-primary.yaml Pulumi.prod-dr.yaml "$project/"
cp -r stacks policies "$project/"
rm "$project"/stacks/platforms/*
for i in $(seq -f "%03g" 1 "$platforms"); do
  sed -e "s/^name: demo$/name: p$i/" -e "s/^stacks: \[prod-primary, prod-dr\]$/stacks: [prod-primary]/" \
    -e "s/\.demo\.example\.org/.p$i.example.org/g" stacks/platforms/demo.yaml > "$project/stacks/platforms/p$i.yaml"
  cp stacks/platforms/demo.settings.json "$project/stacks/platforms/p$i.settings.json"
done

run() { # run LABEL OPTIONS
  local label="$1" options="$2" load
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  env -u JDK_JAVA_OPTIONS ${options:+JDK_JAVA_OPTIONS="$options"} /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    java -cp "program/target/classes:$(cat "$work/cp")" io.edxstack.Main render --stack prod-primary \
    --project-dir "$project" --format json --out "$work/render.json" 2>"$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  printf '%-4s %-36s %8s %8.1f %9.0f   %s\n' "$platforms" "$label" "$wall" "$(echo "$user + $sys" | bc)" \
    "$((rss / 1024))" "$load"
}

echo "program JVM flags: render of $platforms platforms, fresh JVM per run, $(nproc) CPUs (shared: load average beside each run)"
echo "Zuul's JDK_JAVA_OPTIONS: $zuul_options; $(java -version 2>&1 | head -1)"
printf '%-4s %-36s %8s %8s %9s   %s\n' N "JVM" "wall s" "CPU s" "peak MiB" "load 1/5/15 min"
# An untimed first render fills the Tutor render cache, so no run pays for Tutor.
run "(warm-up, Tutor render cache)" ""
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then
    run "defaults" ""; run "Zuul's JDK_JAVA_OPTIONS" "$zuul_options"
  else
    run "Zuul's JDK_JAVA_OPTIONS" "$zuul_options"; run "defaults" ""
  fi
done
