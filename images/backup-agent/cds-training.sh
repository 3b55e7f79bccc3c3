#!/bin/sh
# Writes a class-data sharing archive for the agent: one training JVM (io.edxstack.cli.CdsTraining) runs a backup
# and then a restore of it against an in-memory S3 stand-in on the loopback interface, with stand-in dump and load
# tools, so that the archive holds the classes of both paths: the CLI, the AWS SDK client, request and response
# handling, the manifest JSON and zstd both ways. With the archive the JVM maps those classes instead of loading
# and verifying them: about a second less CPU per backup, which a 2-core node feels during a dump, and a shorter
# fixed cost per restore.
# Usage: cds-training.sh JAR ARCHIVE
set -u
JAR=$1
ARCHIVE=$2
TOOLS=$(mktemp -d)
trap 'rm -rf "$TOOLS"' EXIT
printf '#!/bin/sh\nexec cat >/dev/null\n' >"$TOOLS/load"
chmod 0755 "$TOOLS/load"
# The JVM writes an archive even when the training fails (then holding little but the JDK's own classes), so the
# training's exit status decides, and its output is shown when it failed.
if ! AWS_SECRET_ACCESS_KEY=training java -XX:ArchiveClassesAtExit="$ARCHIVE" -XX:+UseSerialGC -cp "$JAR" \
    io.edxstack.cli.CdsTraining "$TOOLS/load" >"$TOOLS/training.log" 2>&1; then
  echo "cds-training: the training run failed; no archive written" >&2
  tail -n 20 "$TOOLS/training.log" >&2
  rm -f "$ARCHIVE"
  exit 1
fi
test -s "$ARCHIVE"
