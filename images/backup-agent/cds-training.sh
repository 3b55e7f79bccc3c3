#!/bin/sh
# Writes a class-data sharing archive for the agent: one training JVM (io.edxstack.backup.cli.CdsTraining) runs a backup
# and then a restore of it against an in-memory S3 stand-in on the loopback interface (io.edxstack.testing.
# MemoryS3Server, from the test classes, in a JVM of its own so that the archive holds the agent's classes only),
# with stand-in dump and load tools, so that the archive holds the classes of both paths: the CLI, the AWS SDK
# client, request and response handling, the manifest JSON and zstd both ways. With the archive the JVM maps those
# classes instead of loading and verifying them: about a second less CPU per backup, which a 2-core node feels
# during a dump, and a shorter fixed cost per restore.
# Usage: cds-training.sh JAR ARCHIVE TEST_CLASSES
set -u
JAR=$1
ARCHIVE=$2
TEST_CLASSES=$3
TOOLS=$(mktemp -d)
S3_PID=
cleanup() {
  if [ -n "$S3_PID" ]; then kill "$S3_PID" 2>/dev/null; wait "$S3_PID" 2>/dev/null; fi
  rm -rf "$TOOLS"
}
trap cleanup EXIT
printf '#!/bin/sh\nexec cat >/dev/null\n' >"$TOOLS/load"
chmod 0755 "$TOOLS/load"
java -XX:+UseSerialGC -Xshare:off -cp "$TEST_CLASSES" io.edxstack.testing.MemoryS3Server "$TOOLS/s3.port" \
  >"$TOOLS/s3.log" 2>&1 &
S3_PID=$!
i=0
while [ ! -s "$TOOLS/s3.port" ]; do
  i=$((i + 1))
  if [ "$i" -gt 300 ] || ! kill -0 "$S3_PID" 2>/dev/null; then
    echo "cds-training: the S3 stand-in did not start within 30 s" >&2
    cat "$TOOLS/s3.log" >&2
    exit 1
  fi
  sleep 0.1
done
# The JVM writes an archive even when the training fails (then holding little but the JDK's own classes), so the
# training's exit status decides, and its output is shown when it failed.
if ! AWS_SECRET_ACCESS_KEY=training java -XX:ArchiveClassesAtExit="$ARCHIVE" -XX:+UseSerialGC -cp "$JAR" \
    io.edxstack.backup.cli.CdsTraining "http://127.0.0.1:$(cat "$TOOLS/s3.port")" "$TOOLS/load" \
    >"$TOOLS/training.log" 2>&1; then
  echo "cds-training: the training run failed; no archive written" >&2
  tail -n 20 "$TOOLS/training.log" >&2
  rm -f "$ARCHIVE"
  exit 1
fi
test -s "$ARCHIVE"
