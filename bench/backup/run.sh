#!/usr/bin/env bash
# Backup agent benchmark: prints figures, side by side, for one ≥500 MB Open edX-like MariaDB database.
#   limit    mariadb-dump | zstd -1 > /dev/null
#   s3cmd    mariadb-dump | zstd -1 | s3cmd put - s3://...        (what an operator would script)
#   agent    java -Xmx128m -jar edxstack-backup-agent.jar backup mysql  (to the same Ceph RGW)
#   restore  edxstack restore mysql (2 load sessions, and 1)  vs  zstd -dc dump.zst | mariadb db  (from a local file)
# Needs root and scripts/install-test-servers; starts its own MariaDB and Ceph RGW on free ports in a temp dir.
# Fair: RGW is warmed up (pools created, a 300 MB upload) before anything is timed; the pipelines alternate within
# each round; every run is printed with the 1-minute load average beside it, and figures are medians. Every wait
# is bounded and a server that does not start is an error (bench/backup/servers.sh).
# Usage: bench/backup/run.sh [ROWS] [RUNS]   (default 720000 rows, ~570 MB of dump; 3 runs of each pipeline)
set -euo pipefail

ROWS=${1:-720000}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/edxstack-bench.XXXXXX)
JAR=$W/edxstack-backup-agent.jar
PIDS=()
# shellcheck source=bench/backup/servers.sh
source "$ROOT/bench/backup/servers.sh"
cleanup() {
  stop_servers
  rm -rf "$W"
}
trap cleanup EXIT

now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1/1e6/($3-$2):.1f}')"; }

timeout 1200 "$ROOT/scripts/install-test-servers" || { echo "error: scripts/install-test-servers failed or took over 20 minutes" >&2; exit 1; }
# Always from the working tree: a stale jar would measure old code (and train the archive on missing classes).
# A copy, so that a build in the working tree during the run changes nothing.
(cd "$ROOT" && timeout 1800 mvn -B -q -pl backup-agent -am -DskipTests package) \
  || { echo "error: packaging the backup agent failed or took over 30 minutes" >&2; exit 1; }
cp "$ROOT/backup-agent/target/edxstack-backup-agent.jar" "$JAR"
cp -r "$ROOT/backup-agent/target/test-classes" "$W/test-classes"

start_mariadb
start_rgw

# --- data: courseware_studentmodule rows with JSON state, generated in the server ---
echo "generating $ROWS courseware_studentmodule rows ..." >&2
"${SQL[@]}" <<SQL
CREATE DATABASE edxapp CHARACTER SET utf8mb4;
USE edxapp;
CREATE TABLE courseware_studentmodule (
  id BIGINT AUTO_INCREMENT PRIMARY KEY, module_type VARCHAR(32) NOT NULL, module_id VARCHAR(255) NOT NULL,
  student_id INT NOT NULL, state LONGTEXT, grade DOUBLE, max_grade DOUBLE, done VARCHAR(8) NOT NULL,
  course_id VARCHAR(255) NOT NULL, created DATETIME(6) NOT NULL, modified DATETIME(6) NOT NULL,
  KEY idx_student (student_id), KEY idx_module (module_id(191))) ENGINE=InnoDB;
INSERT INTO courseware_studentmodule (module_type, module_id, student_id, state, grade, max_grade, done, course_id,
  created, modified)
SELECT 'problem', CONCAT('block-v1:edX+DemoX+2026+type@problem+block@', MD5(seq % 400)), seq DIV 40,
  JSON_OBJECT('attempts', seq % 7, 'seed', seq % 1000, 'done', seq % 3 = 0, 'last_submission_time',
    DATE_FORMAT('2026-10-01' + INTERVAL seq SECOND, '%Y-%m-%dT%H:%i:%SZ'),
    'correct_map', JSON_OBJECT(CONCAT(MD5(seq % 400), '_2_1'), JSON_OBJECT('correctness', IF(seq % 5 = 0, 'incorrect',
      'correct'), 'npoints', NULL, 'msg', '', 'hint', '', 'hintmode', NULL, 'queuestate', NULL)),
    'student_answers', JSON_OBJECT(CONCAT(MD5(seq % 400), '_2_1'), SHA2(seq, 256), CONCAT(MD5(seq % 400), '_3_1'),
      CONCAT('choice_', seq % 4)),
    'input_state', JSON_OBJECT(CONCAT(MD5(seq % 400), '_2_1'), JSON_OBJECT(), CONCAT(MD5(seq % 400), '_3_1'),
      JSON_OBJECT()),
    'score', JSON_OBJECT('raw_earned', seq % 3, 'raw_possible', 2), 'has_saved_answers', FALSE,
    'nonce', SHA2(seq * 31, 256)),
  seq % 3, 2, 'na', 'course-v1:edX+DemoX+2026', '2026-10-01' + INTERVAL seq SECOND,
  '2026-10-02' + INTERVAL seq SECOND
FROM seq_1_to_$ROWS;
SQL

DUMP=(mariadb-dump --protocol=TCP -h127.0.0.1 -P"$DB_PORT" -uroot --single-transaction --quick --routines
      --triggers --events --hex-blob --no-tablespaces --default-character-set=utf8mb4 --max-allowed-packet=1G edxapp)
BYTES=$(timeout 1800 "${DUMP[@]}" | wc -c)
((BYTES > 0)) || { echo "error: mariadb-dump produced nothing" >&2; exit 1; }
echo "dump size: $BYTES bytes" >&2

median() { python3 -c "import sys, statistics; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.1f}')" "$@"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# bounded SECONDS NAME COMMAND...: runs a command or a shell function (which `timeout` cannot run) in a process
# group of its own; past SECONDS the whole group (a pipeline) is killed. Either way a failure ends the benchmark.
bounded() {
  local seconds=$1 name=$2 pid watchdog rc=0; shift 2
  set -m
  "$@" & pid=$!
  (sleep "$seconds"; echo "error: $name took over $seconds s, killed" >&2; kill -- -"$pid" 2>/dev/null) & watchdog=$!
  set +m
  wait "$pid" || rc=$?
  kill -- -"$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  ((rc == 0)) || { echo "error: $name failed (exit $rc)" >&2; exit 1; }
}
# timed NAME COMMAND...: runs it (at most 30 minutes), prints "NAME MB/s (load average L)" and sets RATE. Not in a
# command substitution: a failure there would not stop the script.
timed() {
  local name=$1 t0 t1; shift
  t0=$(now)
  bounded 1800 "$name" "$@"
  t1=$(now); RATE=$(rate "$BYTES" "$t0" "$t1")
  echo "  $name: $RATE MB/s (load average $(load1))" >&2
}
limit() { "${DUMP[@]}" | zstd -1 -q > /dev/null; }
s3cmd_pipe() { "${DUMP[@]}" | zstd -1 -q | s3cmd -c "$S3CFG" -q put - s3://bench/s3cmd/dump.sql.zst; }

agent_environment
export EDXSTACK_MYSQL_DATABASE=edxapp
# As the image runs it: the JVM options of its ENTRYPOINT (images/backup-agent/Dockerfile), read from there, with
# the class-data sharing archive trained here, and -Xmx128m (after MaxRAMPercentage, so it wins).
bounded 900 "class-data sharing training" "$ROOT/images/backup-agent/cds-training.sh" "$JAR" "$W/edxstack.jsa" "$W/test-classes"
mapfile -t IMAGE_JVM < <(python3 - "$ROOT/images/backup-agent/Dockerfile" "$W/edxstack.jsa" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read().replace("\\\n", " ")
entrypoint = json.loads(re.search(r"(?m)^ENTRYPOINT\s+(\[.*\])\s*$", text).group(1))
assert entrypoint[0] == "java" and entrypoint[-2] == "-jar", entrypoint
for option in entrypoint[:-2]:
    print("-XX:SharedArchiveFile=" + sys.argv[2] if option.startswith("-XX:SharedArchiveFile=") else option)
print("-Xmx128m")
PY
)
((${#IMAGE_JVM[@]} > 2)) || { echo "error: no JVM options read from images/backup-agent/Dockerfile" >&2; exit 1; }
echo "agent JVM: ${IMAGE_JVM[*]}" >&2
JAVA=("${IMAGE_JVM[@]}" -jar "$JAR")
agent_backup() { "${IMAGE_JVM[@]}" "-Xlog:gc:file=$W/gc-$1.log" -jar "$JAR" backup mysql >>"$W/agent.out" 2>>"$W/agent.err"; }

# Warm-up, untimed: RGW creates its data pools on the first upload, which would slow whichever pipeline ran first.
echo "warming up RGW ..." >&2
warm_up() { head -c 300000000 /dev/urandom | s3cmd -c "$S3CFG" -q put - s3://bench/warmup/blob; }
bounded 600 "warm-up upload" warm_up
timeout 600 s3cmd -c "$S3CFG" -q del s3://bench/warmup/blob >/dev/null || true
bounded 1800 "warm-up dump" limit

L=(); S=(); A=()
for round in $(seq 1 "$RUNS"); do
  echo "backup round $round:" >&2
  # Alternate which pipeline goes first, so that none always runs on a cooler or warmer machine.
  if ((round % 2)); then
    timed limit limit; L+=("$RATE"); timed s3cmd s3cmd_pipe; S+=("$RATE"); timed agent agent_backup "$round"; A+=("$RATE")
  else
    timed agent agent_backup "$round"; A+=("$RATE"); timed s3cmd s3cmd_pipe; S+=("$RATE"); timed limit limit; L+=("$RATE")
  fi
done
LIMIT=$(median "${L[@]}"); S3CMD=$(median "${S[@]}"); AGENT=$(median "${A[@]}")
PEAK_HEAP=$(cat "$W"/gc-*.log | grep -oE '[0-9]+M->[0-9]+M' | cut -dM -f1 | sort -n | tail -1)

# --- restore: the agent from RGW vs zstd + mariadb from a local file, each into a fresh, empty database ---
local_dump() { "${DUMP[@]}" | zstd -1 -q -o "$W/dump.sql.zst"; }
bounded 1800 "dump for the local restore" local_dump
fresh() { "${SQL[@]}" -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"; }
local_restore() { zstd -dc "$W/dump.sql.zst" | "${SQL[@]}" local_restore; }
agent_restore() { EDXSTACK_MYSQL_DATABASE=agent_restore EDXSTACK_LOAD_SESSIONS=$1 "${JAVA[@]}" restore mysql \
  >>"$W/agent.out" 2>>"$W/agent.err"; }
LR=(); AR=(); A1=()
for round in $(seq 1 "$RUNS"); do
  echo "restore round $round:" >&2
  if ((round % 2)); then
    fresh local_restore; timed local local_restore; LR+=("$RATE"); "${SQL[@]}" -e "DROP DATABASE local_restore"
    fresh agent_restore; timed "agent 2 sessions" agent_restore 2; AR+=("$RATE"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
    fresh agent_restore; timed "agent 1 session" agent_restore 1; A1+=("$RATE"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
  else
    fresh agent_restore; timed "agent 1 session" agent_restore 1; A1+=("$RATE"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
    fresh agent_restore; timed "agent 2 sessions" agent_restore 2; AR+=("$RATE"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
    fresh local_restore; timed local local_restore; LR+=("$RATE"); "${SQL[@]}" -e "DROP DATABASE local_restore"
  fi
done
LOCAL_RESTORE=$(median "${LR[@]}"); AGENT_RESTORE=$(median "${AR[@]}"); AGENT_RESTORE_1=$(median "${A1[@]}")

cat <<REPORT

Backup benchmark: $ROWS courseware_studentmodule rows, $((BYTES / 1000000)) MB of dump, $(nproc) cores, median of $RUNS runs each
runs: limit ${L[*]} | s3cmd ${S[*]} | agent ${A[*]} | local restore ${LR[*]} | agent restore ${AR[*]} | agent restore, 1 session ${A1[*]}
| pipeline                                         | MB/s (uncompressed) |
|--------------------------------------------------|---------------------|
| mariadb-dump \| zstd -1 > /dev/null  (limit)      | $LIMIT |
| mariadb-dump \| zstd -1 \| s3cmd put - (RGW)       | $S3CMD |
| edxstack backup mysql (RGW, image JVM flags, -Xmx128m) | $AGENT |
| zstd -dc dump.zst \| mariadb  (local file)        | $LOCAL_RESTORE |
| edxstack restore mysql (RGW, 2 sessions, default) | $AGENT_RESTORE |
| edxstack restore mysql (RGW, 1 session)          | $AGENT_RESTORE_1 |
agent / s3cmd pipeline: $(python3 -c "print(f'{$AGENT/$S3CMD:.2f}')")x (goal >= 1.1)
agent / limit:          $(python3 -c "print(f'{$AGENT/$LIMIT:.2f}')")x (goal >= 0.85)
restore agent / local:  $(python3 -c "print(f'{$AGENT_RESTORE/$LOCAL_RESTORE:.2f}')")x (goal >= 1.0)
agent peak heap used (GC log, -Xmx128m): ${PEAK_HEAP:-n/a} MiB
REPORT
grep -E "done,|loaded|lost a lock" "$W/agent.err" | sed 's/^/agent: /'
