# Sourced by the backup benchmark scripts: a MariaDB and a single-node Ceph RGW of their own, on free ports under
# $W (as backup-agent/src/test/java/io/edxstack/testing/{MariaDbServer,CephRgwServer}.java). Every wait is
# bounded, and a server that does not come up is an error that shows the end of its log. Needs: W (work dir),
# PIDS (array), ROOT.
# Sets: DB_PORT, SQL (array), RGW_PORT, S3CFG.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_for WHAT SECONDS LOG COMMAND...: runs COMMAND every 0.5 s until it succeeds, at most SECONDS.
wait_for() {
  local what=$1 seconds=$2 log=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "error: $what did not come up within ${seconds}s; the end of $log:" >&2
      tail -n 20 "$log" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.5
  done
}

start_mariadb() {
  DB_PORT=$(free_port)
  timeout 300 mariadb-install-db --no-defaults --user=root --datadir="$W/db" --auth-root-authentication-method=normal \
    --skip-test-db >"$W/install.log" 2>&1 || { echo "error: mariadb-install-db failed:" >&2; tail "$W/install.log" >&2; exit 1; }
  mariadbd --no-defaults --user=root --datadir="$W/db" --socket="$W/db.sock" --pid-file="$W/db.pid" \
    --port="$DB_PORT" --bind-address=127.0.0.1 --log-error="$W/db.err" --innodb-buffer-pool-size=1G \
    --innodb-log-file-size=512M --innodb-flush-log-at-trx-commit=2 --max-allowed-packet=1G --skip-log-bin &
  PIDS+=($!)
  wait_for mariadbd 60 "$W/db.err" mariadb-admin --protocol=TCP -h127.0.0.1 -P"$DB_PORT" -uroot ping
  # Every statement is bounded too (the data generation is the longest, a few minutes).
  SQL=(timeout 1800 mariadb --protocol=TCP -h127.0.0.1 -P"$DB_PORT" -uroot --default-character-set=utf8mb4)
}

start_rgw() {
  local mon_port fsid C
  mon_port=$(free_port); RGW_PORT=$(free_port); fsid=$(cat /proc/sys/kernel/random/uuid)
  C=$W/ceph
  mkdir -p "$C"/{run,log,mon.a,osd0,rgw}
  cat >"$C/ceph.conf" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$mon_port
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
  timeout 60 ceph-authtool --create-keyring "$C/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  timeout 60 monmaptool --create --addv a "[v1:127.0.0.1:$mon_port]" --fsid "$fsid" "$C/monmap" >/dev/null
  timeout 120 ceph-mon -c "$C/ceph.conf" --mkfs -i a --monmap "$C/monmap" --keyring "$C/keyring"
  ceph-mon -f -c "$C/ceph.conf" -i a >"$C/log/mon.out" 2>&1 & PIDS+=($!)
  wait_for ceph-mon 60 "$C/log/mon.a.log" timeout 10 ceph -c "$C/ceph.conf" --connect-timeout 5 mon stat
  timeout 60 ceph -c "$C/ceph.conf" --connect-timeout 30 osd create >/dev/null
  timeout 120 ceph-osd -c "$C/ceph.conf" -i 0 --mkfs >/dev/null 2>&1 || { echo "error: ceph-osd --mkfs failed" >&2; exit 1; }
  ceph-osd -f -c "$C/ceph.conf" -i 0 >"$C/log/osd.out" 2>&1 & PIDS+=($!)
  osd_up() { timeout 10 ceph -c "$C/ceph.conf" --connect-timeout 5 osd stat 2>/dev/null | grep -q "1 up"; }
  wait_for ceph-osd 90 "$C/log/osd.out" osd_up
  radosgw -f -c "$C/ceph.conf" -n client.rgw.a >"$C/log/rgw.out" 2>&1 & PIDS+=($!)
  wait_for radosgw 120 "$C/log/client.rgw.a.log" curl -s -m 5 -o /dev/null "http://127.0.0.1:$RGW_PORT/"
  timeout 60 radosgw-admin -c "$C/ceph.conf" user create --uid=bench --display-name=bench --access-key=bench-access \
    --secret=bench-secret >/dev/null
  S3CFG=$W/s3cfg
  cat >"$S3CFG" <<CFG
[default]
access_key = bench-access
secret_key = bench-secret
host_base = 127.0.0.1:$RGW_PORT
host_bucket = 127.0.0.1:$RGW_PORT
use_https = False
signature_v2 = False
multipart_chunk_size_mb = 16
CFG
  timeout 60 s3cmd -c "$S3CFG" mb s3://bench >/dev/null
}

# Stops what was started, waiting (bounded) for each process to exit: a Ceph OSD still running would make the
# next start fail ("wrong fsid").
stop_servers() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

agent_environment() {
  export EDXSTACK_PLATFORM=bench EDXSTACK_S3_ENDPOINT="http://127.0.0.1:$RGW_PORT" EDXSTACK_S3_BUCKET=bench \
    AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret EDXSTACK_REGION=bench-region \
    EDXSTACK_STACK_ROLE=standby EDXSTACK_MYSQL_HOST=127.0.0.1 EDXSTACK_MYSQL_PORT="$DB_PORT" \
    EDXSTACK_MYSQL_USER=root EDXSTACK_PROGRESS_INTERVAL=10s
}
