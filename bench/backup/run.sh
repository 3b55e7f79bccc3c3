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

"$ROOT/scripts/install-test-servers"
# Always from the working tree: a stale jar would measure old code (and train the archive on missing classes).
# A copy, so that a build in the working tree during the run changes nothing.
(cd "$ROOT" && mvn -B -q -pl backup-agent -am -DskipTests package)
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
BYTES=$("${DUMP[@]}" | wc -c)
echo "dump size: $BYTES bytes" >&2

median() { python3 -c "import sys, statistics; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.1f}')" "$@"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# timed NAME COMMAND...: runs it (bounded by timeout), prints "NAME MB/s (load L)" to stderr and the rate to stdout.
timed() {
  local name=$1 t0 t1 r; shift
  t0=$(now)
  timeout 1800 "$@" || { echo "error: $name failed or took over 30 minutes" >&2; exit 1; }
  t1=$(now); r=$(rate "$BYTES" "$t0" "$t1")
  echo "  $name: $r MB/s (load average $(load1))" >&2
  echo "$r"
}
limit() { "${DUMP[@]}" | zstd -1 -q > /dev/null; }
s3cmd_pipe() { "${DUMP[@]}" | zstd -1 -q | s3cmd -c "$S3CFG" -q put - s3://bench/s3cmd/dump.sql.zst; }

agent_environment
export EDXSTACK_MYSQL_DATABASE=edxapp
# As the image runs it (images/backup-agent/Dockerfile): its JVM flags and the class-data sharing archive, -Xmx128m.
"$ROOT/images/backup-agent/cds-training.sh" "$JAR" "$W/edxstack.jsa" "$W/test-classes" || exit 1
IMAGE_JVM=(java -Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError "-XX:SharedArchiveFile=$W/edxstack.jsa")
JAVA=("${IMAGE_JVM[@]}" -jar "$JAR")
agent_backup() { "${IMAGE_JVM[@]}" "-Xlog:gc:file=$W/gc-$1.log" -jar "$JAR" backup mysql >>"$W/agent.out" 2>>"$W/agent.err"; }

# Warm-up, untimed: RGW creates its data pools on the first upload, which would slow whichever pipeline ran first.
echo "warming up RGW ..." >&2
head -c 300000000 /dev/urandom | timeout 600 s3cmd -c "$S3CFG" -q put - s3://bench/warmup/blob || { echo "error: warm-up upload failed" >&2; exit 1; }
timeout 600 s3cmd -c "$S3CFG" -q del s3://bench/warmup/blob >/dev/null || true
limit

L=(); S=(); A=()
for round in $(seq 1 "$RUNS"); do
  echo "backup round $round:" >&2
  # Alternate which pipeline goes first, so that none always runs on a cooler or warmer machine.
  if ((round % 2)); then
    L+=("$(timed limit limit)"); S+=("$(timed s3cmd s3cmd_pipe)"); A+=("$(timed agent agent_backup "$round")")
  else
    A+=("$(timed agent agent_backup "$round")"); S+=("$(timed s3cmd s3cmd_pipe)"); L+=("$(timed limit limit)")
  fi
done
LIMIT=$(median "${L[@]}"); S3CMD=$(median "${S[@]}"); AGENT=$(median "${A[@]}")
PEAK_HEAP=$(cat "$W"/gc-*.log | grep -oE '[0-9]+M->[0-9]+M' | cut -dM -f1 | sort -n | tail -1)

# --- restore: the agent from RGW vs zstd + mariadb from a local file, each into a fresh, empty database ---
"${DUMP[@]}" | zstd -1 -q -o "$W/dump.sql.zst"
fresh() { "${SQL[@]}" -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"; }
local_restore() { zstd -dc "$W/dump.sql.zst" | "${SQL[@]}" local_restore; }
agent_restore() { EDXSTACK_MYSQL_DATABASE=agent_restore EDXSTACK_LOAD_SESSIONS=$1 "${JAVA[@]}" restore mysql \
  >>"$W/agent.out" 2>>"$W/agent.err"; }
LR=(); AR=(); A1=()
for round in $(seq 1 "$RUNS"); do
  echo "restore round $round:" >&2
  if ((round % 2)); then
    fresh local_restore; LR+=("$(timed local local_restore)"); "${SQL[@]}" -e "DROP DATABASE local_restore"
    fresh agent_restore; AR+=("$(timed "agent 2 sessions" agent_restore 2)"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
    fresh agent_restore; A1+=("$(timed "agent 1 session" agent_restore 1)"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
  else
    fresh agent_restore; A1+=("$(timed "agent 1 session" agent_restore 1)"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
    fresh agent_restore; AR+=("$(timed "agent 2 sessions" agent_restore 2)"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
    fresh local_restore; LR+=("$(timed local local_restore)"); "${SQL[@]}" -e "DROP DATABASE local_restore"
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
