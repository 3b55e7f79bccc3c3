#!/usr/bin/env bash
# Cost of deriving a platform's JWT signing key by the settings init container (once per pod start):
# 20 seeds through edxstack_fill.derived_rsa_key with Debian's python3-cryptography. Prints figures; not a test.
# Usage: bench/jwt-key/run.sh [SEEDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
/usr/bin/python3 - "${1:-20}" <<'PY'
import statistics, sys, time
sys.path.insert(0, "program/src/main/resources/io/edxstack/platform")
import edxstack_fill
times = []
for i in range(int(sys.argv[1])):
    start = time.perf_counter()
    key = edxstack_fill.derived_rsa_key(i.to_bytes(32, "big"))
    times.append(time.perf_counter() - start)
    assert key.key_size == 2048
print("seeds %d  min %.3f s  mean %.3f s  max %.3f s" % (len(times), min(times), statistics.mean(times), max(times)))
PY
