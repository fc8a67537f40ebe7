#!/usr/bin/env bash
# Fault harness: real nodes with their journals on small tmpfs file systems (needs root), a client that
# remembers every answer, and these faults: the journal's disk filling under load and freed again, the
# recorded outputs' disk filling alone, a damaged cycle file at start (refused, repaired, served), the
# journal's file system remounted read-only between two runs (refused, then served once writable), and
# with no watermark an append that faults in the mapped file (read-only until restart, verify, repair).
# After each: every acknowledged command is in the journal once, no refused one is, and the journal
# replays to the state the node reported.
#
#   scripts/fault-harness.sh [--rounds N]     (default 3; each round runs every scenario once)
#
# The last line is: fault-harness: scenarios=N acknowledged=N lost=0 applied-unjournaled=0 unreadable-journals=0
# Exit 0 when every check passed. `mvn verify` runs one round (FaultHarnessTest).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fault-harness: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "fault-harness: --rounds must be a positive number, got '$rounds'" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "fault-harness: needs root (it mounts tmpfs file systems)" >&2; exit 2; }
cd "$root"
log="$root/tools/service/target/fault-harness.log"
rm -f "$log"
mvn -q -B install -DskipTests >&2
set +e
mvn -B test -pl tools/service -Dtest=FaultHarnessTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhytrix.fault.rounds="$rounds" > "$root/tools/service/target/fault-harness-maven.log" 2>&1
rc=$?
set -e
[ -f "$log" ] && cat "$log"
if [ $rc -ne 0 ]; then
  echo "fault-harness: FAILED; see tools/service/target/fault-harness-maven.log and tools/service/target/surefire-reports" >&2
  [ -f "$log" ] || echo "fault-harness: scenarios=0 acknowledged=0 lost=? applied-unjournaled=? unreadable-journals=?"
fi
exit $rc
