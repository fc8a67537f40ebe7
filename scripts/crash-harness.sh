#!/usr/bin/env bash
# The crash harness: runs `serve` as a child JVM under load, kill -9s it at random moments, restarts it
# on the same journal and snapshot directory, and checks that every acknowledged command is in the
# journal with the outcome the client received, that no cmdId was applied twice, and that the state
# hash the restarted server reports equals a replay of the journal.
#
# usage: scripts/crash-harness.sh [--kills N] [--seconds-per-run S] [--seed X] [--work DIR]
#   --kills N            kill -9s (default 200)
#   --seconds-per-run S  load before each kill: a random moment in (0.05, S] seconds (default 2)
#   --seed X             seed of the kill moments (default: from the clock; printed either way)
#   --work DIR           keep the journal, snapshots and serve logs here (default: a temporary directory)
# Exit 0 when every check passed. The harness log is in tools/cli/target/crash-harness.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kills=200; seconds=2; seed="$(date +%s%N)"; work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --seconds-per-run) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "crash-harness: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$kills" =~ ^[0-9]+$ ]] || { echo "crash-harness: --kills must be a number, got '$kills'" >&2; exit 2; }
[[ "$seed" =~ ^-?[0-9]+$ ]] || { echo "crash-harness: --seed must be a number, got '$seed'" >&2; exit 2; }
if [ -z "$work" ]; then work="$(mktemp -d -t hytrix-crash.XXXXXX)"; fi
mkdir -p "$work"
echo "crash-harness: seed=$seed kills=$kills seconds-per-run=$seconds work=$work" >&2
cd "$root"
mvn -q -B install -DskipTests >&2
log="$root/tools/cli/target/crash-harness.log"
rm -f "$log"
# The harness runs from the test classpath (surefire gives it the JVM flags Chronicle needs); follow its log.
( while [ ! -f "$log" ]; do sleep 1; done; exec tail -n +1 -f "$log" ) &
tailer=$!
trap 'kill "$tailer" 2>/dev/null || true' EXIT
set +e
mvn -B test -pl tools/cli -Dtest=CrashHarnessTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhytrix.crash.kills="$kills" -Dhytrix.crash.secondsPerRun="$seconds" -Dhytrix.crash.seed="$seed" \
  -Dhytrix.crash.work="$work" > "$work/maven.log" 2>&1
rc=$?
set -e
sleep 1
if [ $rc -eq 0 ]; then
  echo "crash-harness: PASSED ($kills kills, seed $seed; logs in $work)" >&2
else
  echo "crash-harness: FAILED (seed $seed); see $log, $work/maven.log and the serve logs in $work" >&2
fi
exit $rc
