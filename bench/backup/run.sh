#!/usr/bin/env bash
# Backup agent benchmark: prints figures, side by side, for one ≥500 MB Open edX-like MariaDB database.
#   limit    mariadb-dump | zstd -1 > /dev/null
#   s3cmd    mariadb-dump | zstd -1 | s3cmd put - s3://...        (what an operator would script)
#   agent    java -Xmx128m -jar target/edxstack.jar backup mysql  (to the same Ceph RGW)
#   restore  edxstack restore mysql (2 load sessions, and 1)  vs  zstd -dc dump.zst | mariadb db  (from a local file)
# Needs root and scripts/install-test-servers; starts its own MariaDB and Ceph RGW on free ports in a temp dir.
# Usage: bench/backup/run.sh [ROWS]   (default 720000 rows, ~570 MB of dump)
set -euo pipefail

ROWS=${1:-720000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/target/edxstack.jar
W=$(mktemp -d /tmp/edxstack-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  rm -rf "$W"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1/1e6/($3-$2):.1f}')"; }

"$ROOT/scripts/install-test-servers"
# Always from the working tree: a stale jar would measure old code (and train the archive on missing classes).
(cd "$ROOT" && mvn -B -q -DskipTests package)

# --- MariaDB ---
DB_PORT=$(free_port)
mariadb-install-db --no-defaults --user=root --datadir="$W/db" --auth-root-authentication-method=normal \
  --skip-test-db >"$W/install.log" 2>&1
mariadbd --no-defaults --user=root --datadir="$W/db" --socket="$W/db.sock" --pid-file="$W/db.pid" --port="$DB_PORT" \
  --bind-address=127.0.0.1 --log-error="$W/db.err" --innodb-buffer-pool-size=1G --innodb-log-file-size=512M \
  --innodb-flush-log-at-trx-commit=2 --max-allowed-packet=1G --skip-log-bin &
PIDS+=($!)
for _ in $(seq 1 60); do mariadb-admin --protocol=TCP -h127.0.0.1 -P"$DB_PORT" -uroot ping >/dev/null 2>&1 && break; sleep 0.5; done
SQL=(mariadb --protocol=TCP -h127.0.0.1 -P"$DB_PORT" -uroot --default-character-set=utf8mb4)

# --- Ceph RGW (as src/test/java/io/edxstack/testing/CephRgwServer.java) ---
MON_PORT=$(free_port); RGW_PORT=$(free_port); FSID=$(cat /proc/sys/kernel/random/uuid)
mkdir -p "$W"/ceph/{run,log,mon.a,osd0,rgw}; C=$W/ceph
cat >"$C/ceph.conf" <<CONF
[global]
fsid = $FSID
mon host = v1:127.0.0.1:$MON_PORT
mon initial members = a
auth cluster required = none
auth service required = none
auth client required = none
ms bind msgr2 = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon max pg per osd = 1000
run dir = $C/run
admin socket = $C/run/\$name.asok
log file = $C/log/\$name.log
pid file = $C/run/\$name.pid
keyring = $C/keyring
[mon]
mon data = $C/mon.\$id
[osd]
osd data = $C/osd\$id
osd objectstore = memstore
memstore device bytes = 8589934592
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $C/rgw
CONF
ceph-authtool --create-keyring "$C/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
monmaptool --create --addv a "[v1:127.0.0.1:$MON_PORT]" --fsid "$FSID" "$C/monmap" >/dev/null
ceph-mon -c "$C/ceph.conf" --mkfs -i a --monmap "$C/monmap" --keyring "$C/keyring"
ceph-mon -f -c "$C/ceph.conf" -i a >"$C/log/mon.out" 2>&1 & PIDS+=($!)
for _ in $(seq 1 60); do ceph -c "$C/ceph.conf" --connect-timeout 5 mon stat >/dev/null 2>&1 && break; sleep 0.5; done
ceph -c "$C/ceph.conf" osd create >/dev/null
ceph-osd -c "$C/ceph.conf" -i 0 --mkfs >/dev/null 2>&1
ceph-osd -f -c "$C/ceph.conf" -i 0 >"$C/log/osd.out" 2>&1 & PIDS+=($!)
for _ in $(seq 1 120); do ceph -c "$C/ceph.conf" osd stat 2>/dev/null | grep -q "1 up" && break; sleep 0.5; done
radosgw -f -c "$C/ceph.conf" -n client.rgw.a >"$C/log/rgw.out" 2>&1 & PIDS+=($!)
for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/" && break; sleep 0.5; done
radosgw-admin -c "$C/ceph.conf" user create --uid=bench --display-name=bench --access-key=bench-access \
  --secret=bench-secret >/dev/null
cat >"$W/s3cfg" <<CFG
[default]
access_key = bench-access
secret_key = bench-secret
host_base = 127.0.0.1:$RGW_PORT
host_bucket = 127.0.0.1:$RGW_PORT
use_https = False
signature_v2 = False
multipart_chunk_size_mb = 16
CFG
s3cmd -c "$W/s3cfg" mb s3://bench >/dev/null

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

# Each pipeline runs twice, alternating, and the mean is printed: single runs on 2 shared cores vary by ±15%.
mean() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(f'{sum(v)/len(v):.1f}')" "$@"; }
timed() { local t0 t1; t0=$(now); "$@"; t1=$(now); rate "$BYTES" "$t0" "$t1"; }
limit() { "${DUMP[@]}" | zstd -1 -q > /dev/null; }
s3cmd_pipe() { "${DUMP[@]}" | zstd -1 -q | s3cmd -c "$W/s3cfg" -q put - s3://bench/s3cmd/dump.sql.zst; }

export EDXSTACK_PLATFORM=bench EDXSTACK_S3_ENDPOINT="http://127.0.0.1:$RGW_PORT" EDXSTACK_S3_BUCKET=bench \
  AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret EDXSTACK_REGION=bench-region \
  EDXSTACK_STACK_ROLE=standby EDXSTACK_MYSQL_HOST=127.0.0.1 EDXSTACK_MYSQL_PORT="$DB_PORT" EDXSTACK_MYSQL_USER=root \
  EDXSTACK_MYSQL_DATABASE=edxapp EDXSTACK_PROGRESS_INTERVAL=10s
# As the image runs it (images/backup-agent/Dockerfile): serial GC and the class-data sharing archive.
"$ROOT/images/backup-agent/cds-training.sh" "$JAR" "$W/edxstack.jsa" "$ROOT/target/test-classes" || exit 1
JAVA=(java -Xmx128m -XX:+UseSerialGC "-XX:SharedArchiveFile=$W/edxstack.jsa" -jar "$JAR")
agent_backup() { java -Xmx128m -XX:+UseSerialGC "-XX:SharedArchiveFile=$W/edxstack.jsa" "-Xlog:gc:file=$W/gc-$1.log" \
  -jar "$JAR" backup mysql >>"$W/agent.out" 2>>"$W/agent.err"; }

L=(); S=(); A=()
for round in 1 2; do
  L+=("$(timed limit)"); S+=("$(timed s3cmd_pipe)"); A+=("$(timed agent_backup "$round")")
done
LIMIT=$(mean "${L[@]}"); S3CMD=$(mean "${S[@]}"); AGENT=$(mean "${A[@]}")
PEAK_HEAP=$(cat "$W"/gc-*.log | grep -oE '[0-9]+M->[0-9]+M' | cut -dM -f1 | sort -n | tail -1)

# --- restore: the agent from RGW vs zstd + mariadb from a local file, each into a fresh, empty database ---
"${DUMP[@]}" | zstd -1 -q -o "$W/dump.sql.zst"
fresh() { "${SQL[@]}" -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"; }
local_restore() { zstd -dc "$W/dump.sql.zst" | "${SQL[@]}" local_restore; }
agent_restore() { EDXSTACK_MYSQL_DATABASE=agent_restore EDXSTACK_LOAD_SESSIONS=$1 "${JAVA[@]}" restore mysql \
  >>"$W/agent.out" 2>>"$W/agent.err"; }
LR=(); AR=(); A1=()
for round in 1 2; do
  fresh local_restore; LR+=("$(timed local_restore)"); "${SQL[@]}" -e "DROP DATABASE local_restore"
  fresh agent_restore; AR+=("$(timed agent_restore 2)"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
  fresh agent_restore; A1+=("$(timed agent_restore 1)"); "${SQL[@]}" -e "DROP DATABASE agent_restore"
done
LOCAL_RESTORE=$(mean "${LR[@]}"); AGENT_RESTORE=$(mean "${AR[@]}"); AGENT_RESTORE_1=$(mean "${A1[@]}")

cat <<REPORT

Backup benchmark: $ROWS courseware_studentmodule rows, $((BYTES / 1000000)) MB of dump, $(nproc) cores, mean of 2 runs each
runs: limit ${L[*]} | s3cmd ${S[*]} | agent ${A[*]} | local restore ${LR[*]} | agent restore ${AR[*]} | agent restore, 1 session ${A1[*]}
| pipeline                                         | MB/s (uncompressed) |
|--------------------------------------------------|---------------------|
| mariadb-dump \| zstd -1 > /dev/null  (limit)      | $LIMIT |
| mariadb-dump \| zstd -1 \| s3cmd put - (RGW)       | $S3CMD |
| edxstack backup mysql (RGW, -Xmx128m)            | $AGENT |
| zstd -dc dump.zst \| mariadb  (local file)        | $LOCAL_RESTORE |
| edxstack restore mysql (RGW, 2 sessions, default) | $AGENT_RESTORE |
| edxstack restore mysql (RGW, 1 session)          | $AGENT_RESTORE_1 |
agent / s3cmd pipeline: $(python3 -c "print(f'{$AGENT/$S3CMD:.2f}')")x (goal >= 1.1)
agent / limit:          $(python3 -c "print(f'{$AGENT/$LIMIT:.2f}')")x (goal >= 0.85)
restore agent / local:  $(python3 -c "print(f'{$AGENT_RESTORE/$LOCAL_RESTORE:.2f}')")x (goal >= 0.95)
agent peak heap used (GC log, -Xmx128m): ${PEAK_HEAP:-n/a} MiB
REPORT
grep -E "done,|loaded" "$W/agent.err" | sed 's/^/agent: /'
