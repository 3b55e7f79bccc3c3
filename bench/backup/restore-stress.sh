#!/usr/bin/env bash
# Restore stress: ROUNDS two-session restores (the default) of one Open edX-like backup while busy loops keep every
# core loaded, each compared with the source database: row count and CHECKSUM TABLE of every table. A parallel
# load whose session loses a lock conflict must be loaded again through one session, never fail the restore.
# Prints one line per round (seconds, load average, result, whether the one-session retry was needed) and a
# summary; exits 1 if any round failed or differed. Every restore is bounded by `timeout`.
# Needs root and scripts/install-test-servers; starts its own MariaDB and Ceph RGW on free ports in a temp dir.
# Usage: bench/backup/restore-stress.sh [ROUNDS] [STUDENTS]   (default 100 rounds, 4000 students ~ 6 MB of dump)
set -euo pipefail

ROUNDS=${1:-100}
STUDENTS=${2:-4000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/edxstack-stress.XXXXXX)
JAR=$W/edxstack-backup-agent.jar
PIDS=()
LOAD_PIDS=()
# shellcheck source=bench/backup/servers.sh
source "$ROOT/bench/backup/servers.sh"
cleanup() {
  for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_servers
  rm -rf "$W"
}
trap cleanup EXIT

# Always from the working tree, and a copy, so that a build in the working tree during the run changes nothing.
(cd "$ROOT" && mvn -B -q -pl backup-agent -am -DskipTests package)
cp "$ROOT/backup-agent/target/edxstack-backup-agent.jar" "$JAR"
start_mariadb
start_rgw
agent_environment

echo "generating the source database ($STUDENTS students) ..." >&2
"${SQL[@]}" <<SQL
CREATE DATABASE edxapp CHARACTER SET utf8mb4;
USE edxapp;
CREATE TABLE auth_user (id INT PRIMARY KEY, username VARCHAR(150) NOT NULL UNIQUE, email VARCHAR(254) NOT NULL,
  date_joined DATETIME(6) NOT NULL) ENGINE=InnoDB;
CREATE TABLE student_courseenrollment (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL,
  course_id VARCHAR(255) NOT NULL, mode VARCHAR(100) NOT NULL, is_active TINYINT(1) NOT NULL,
  CONSTRAINT fk_enrollment_user FOREIGN KEY (user_id) REFERENCES auth_user (id)) ENGINE=InnoDB;
CREATE TABLE courseware_studentmodule (id BIGINT AUTO_INCREMENT PRIMARY KEY, module_type VARCHAR(32) NOT NULL,
  module_id VARCHAR(255) NOT NULL, student_id INT NOT NULL, state LONGTEXT, grade DOUBLE, max_grade DOUBLE,
  done VARCHAR(8) NOT NULL, course_id VARCHAR(255) NOT NULL, created DATETIME(6) NOT NULL,
  modified DATETIME(6) NOT NULL, KEY idx_student (student_id),
  UNIQUE KEY uq_module_student (student_id, module_id, course_id),
  CONSTRAINT fk_module_student FOREIGN KEY (student_id) REFERENCES auth_user (id)) ENGINE=InnoDB;
INSERT INTO auth_user SELECT seq, CONCAT('learner', seq), CONCAT('learner', seq, '@example.org'),
  '2026-09-01 08:00:00' + INTERVAL seq MINUTE FROM seq_1_to_$STUDENTS;
INSERT INTO student_courseenrollment (user_id, course_id, mode, is_active) SELECT seq, 'course-v1:edX+DemoX+2026',
  IF(seq % 7 = 0, 'verified', 'audit'), 1 FROM seq_1_to_$STUDENTS;
INSERT INTO courseware_studentmodule (module_type, module_id, student_id, state, grade, max_grade, done, course_id,
  created, modified)
SELECT 'problem', CONCAT('block-v1:edX+DemoX+2026+type@problem+block@p', m.seq), u.seq,
  JSON_OBJECT('attempts', m.seq, 'seed', u.seq * 7 + m.seq, 'answer', SHA2(u.seq * 10 + m.seq, 256)),
  (u.seq + m.seq) % 5, 4, 'na', 'course-v1:edX+DemoX+2026', '2026-10-01 10:00:00', '2026-10-02 11:30:00'
FROM seq_1_to_$STUDENTS u JOIN seq_1_to_5 m;
SQL
TABLES=(auth_user student_courseenrollment courseware_studentmodule)
fingerprint() {
  local db=$1 t
  for t in "${TABLES[@]}"; do
    "${SQL[@]}" -N -e "SELECT '$t', COUNT(*) FROM $db.$t; CHECKSUM TABLE $db.$t" | awk '{print $NF}' | paste -sd' '
  done | paste -sd' '
}
SOURCE=$(fingerprint edxapp)

EDXSTACK_MYSQL_DATABASE=edxapp timeout 300 java -Xmx128m -XX:+UseSerialGC -jar "$JAR" backup mysql \
  >"$W/backup.out" 2>"$W/backup.err" || { echo "error: the backup failed:" >&2; tail "$W/backup.err" >&2; exit 1; }
echo "backup: $(cut -d' ' -f1,3,4 "$W/backup.out")" >&2

# Load: one busy loop per core, beside the servers, the agent and its clients.
for _ in $(seq 1 "$(nproc)"); do (while :; do :; done) & LOAD_PIDS+=($!); done

ok=0; failed=0; retried=0
printf '%-6s %-8s %-16s %s\n' round seconds "load average" result
for round in $(seq 1 "$ROUNDS"); do
  start=$(date +%s.%N)
  if EDXSTACK_MYSQL_DATABASE=restored EDXSTACK_LOAD_SESSIONS=2 timeout 300 \
      java -Xmx128m -XX:+UseSerialGC -jar "$JAR" restore mysql >"$W/restore.out" 2>"$W/restore.err"; then
    if [ "$(fingerprint restored)" = "$SOURCE" ]; then result=ok; ok=$((ok + 1)); else result="DIFFERS"; failed=$((failed + 1)); fi
  else
    result="FAILED: $(grep -m1 '^error:' "$W/restore.err" || tail -n1 "$W/restore.err")"; failed=$((failed + 1))
  fi
  if grep -q "lost a lock conflict" "$W/restore.err"; then
    retried=$((retried + 1)); result="$result (one-session retry after: $(grep -o 'ERROR [0-9]* ([0-9A-Z]*)' "$W/restore.err" | head -n1))"
  fi
  printf '%-6s %-8s %-16s %s\n' "$round" "$(python3 -c "print(f'{$(date +%s.%N)-$start:.1f}')")" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$result"
done
echo "source: $SOURCE"
echo "rounds: $ROUNDS, matching: $ok, failed or differing: $failed, loaded again through one session: $retried"
[ "$failed" -eq 0 ]
