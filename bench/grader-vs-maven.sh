#!/usr/bin/env bash
# Grades the reference solutions three ways in one run, round by round, and prints the wall times and ratios:
#   1. gradecheck, one-off:  bin/grader grade solutions/src/main/java   (no grading server running: a fresh JVM)
#   2. gradecheck, server:   the same command while `bin/grader server start` runs (javac warm, a child JVM ready)
#   3. the usual way:        the student's files copied into a Maven project beside the provided code and the
#                            hidden tests, then `mvn -q test`.
# After each server grading the script waits 2 s before timing mvn, so the child JVM the server starts for the next
# submission (about 0.5 s of CPU) neither slows mvn down nor is timed; gradings fired back to back, with no such
# pause, are slower (see docs/design.md).
# Usage: bench/grader-vs-maven.sh [ROUNDS]   (default 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
work="$(mktemp -d)"
state="$root/grader/target/server"
server_was_running=no
cleanup() {
  if [[ "$server_was_running" == no ]]; then "$root/bin/grader" server stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Build everything once, outside the measurement.
(cd "$root" && mvn -q -o install -DskipTests >/dev/null 2>&1 || mvn -q install -DskipTests >/dev/null)
if "$root/bin/grader" server status 2>/dev/null | grep -q '^gradecheck grading server:'; then
  server_was_running=yes
  echo "note: a grading server was already running; it is stopped for the one-off rounds and restarted after" >&2
fi
"$root/bin/grader" server stop >/dev/null
"$root/bin/grader" grade "$root/solutions/src/main/java" --out "$work/warm" >/dev/null

# The Maven project a course would use: provided code + student files + hidden tests.
maven_project="$work/maven-course"
mkdir -p "$maven_project/src/main/java" "$maven_project/src/test/java"
cp -r "$root/student-template/src/main/java/." "$maven_project/src/main/java/"
cp -r "$root/solutions/src/main/java/." "$maven_project/src/main/java/"
for tests in "$root"/exercises/*/tests; do cp -r "$tests/." "$maven_project/src/test/java/"; done
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"   # the project version comes first
sed -e "s/@VERSION@/$version/" "$root/bench/maven-course-pom.xml" > "$maven_project/pom.xml"
(cd "$maven_project" && mvn -q -o test >/dev/null 2>&1) || true   # warm Maven's own caches once

time_grader() {   # time_grader OUT_DIR: one `bin/grader grade` of the solutions, in ms
  local start
  start=$(now_ms)
  "$root/bin/grader" grade "$root/solutions/src/main/java" --out "$1" >/dev/null
  echo $(( $(now_ms) - start ))
}

time_maven() {
  local start
  rm -rf "$maven_project/target"
  start=$(now_ms)
  (cd "$maven_project" && mvn -q -o test >/dev/null 2>&1) || { echo "mvn test failed in $maven_project" >&2; exit 1; }
  echo $(( $(now_ms) - start ))
}

oneoff_total=0; server_total=0; maven_total=0
declare -a maven_times
for round in $(seq 1 "$rounds"); do
  oneoff_ms=$(time_grader "$work/oneoff-$round")
  maven_ms=$(time_maven)
  maven_times[$round]=$maven_ms
  printf 'round %d: one-off grader %5d ms   mvn -q test %5d ms\n' "$round" "$oneoff_ms" "$maven_ms"
  oneoff_total=$(( oneoff_total + oneoff_ms )); maven_total=$(( maven_total + maven_ms ))
done

start=$(now_ms)
"$root/bin/grader" server start >/dev/null
echo "server start (loads the course, grades the solutions three times, waits for its standby child to warm up): $(( $(now_ms) - start )) ms"
for round in $(seq 1 "$rounds"); do
  server_ms=$(time_grader "$work/server-$round")
  sleep 2
  maven_ms=$(time_maven)
  printf 'round %d: grader + server %5d ms   mvn -q test %5d ms\n' "$round" "$server_ms" "$maven_ms"
  server_total=$(( server_total + server_ms )); maven_total=$(( maven_total + maven_ms ))
done

oneoff_avg=$(( oneoff_total / rounds ))
server_avg=$(( server_total / rounds ))
maven_avg=$(( maven_total / (2 * rounds) ))
echo "mean over $rounds rounds: one-off grader ${oneoff_avg} ms, grader + server ${server_avg} ms," \
     "mvn -q test ${maven_avg} ms (over $(( 2 * rounds )) runs)"
awk -v o="$oneoff_avg" -v s="$server_avg" -v m="$maven_avg" \
  'BEGIN { printf "ratio (mvn / grader): one-off %.1fx, with the server %.1fx\n", m / o, m / s }'
same() { python3 - "$1" "$2" <<'PY'
import json, sys
def load(path):
    report = json.load(open(path))
    report["provenance"].pop("started_at", None); report["provenance"].pop("duration_ms", None)
    for exercise in report["exercises"]:
        for test in exercise["tests"]:
            test.pop("duration_ms", None)
    return report
print("identical" if load(sys.argv[1]) == load(sys.argv[2]) else "DIFFERENT")
PY
}
echo "grader score: $(grep -o '"score": *[0-9.]*' "$work/oneoff-1/report.json" | head -1);" \
     "one-off and server reports (durations and timestamps aside): $(same "$work/oneoff-1/report.json" "$work/server-1/report.json")"
if [[ "$server_was_running" == yes ]]; then "$root/bin/grader" server start >/dev/null; fi
