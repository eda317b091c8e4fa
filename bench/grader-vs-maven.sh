#!/usr/bin/env bash
# Grades the reference solutions two ways in one run and prints both wall times and their ratio:
#   1. gradecheck:  bin/grader grade solutions/src/main/java
#   2. the usual way: the student's files copied into a Maven project beside the provided code and the
#      hidden tests, then `mvn -q test`.
# Usage: bench/grader-vs-maven.sh [ROUNDS]   (default 3; the first grader round also warms the course cache)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# Build everything once, outside the measurement.
(cd "$root" && mvn -q -o install -DskipTests >/dev/null 2>&1 || mvn -q install -DskipTests >/dev/null)
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

grader_total=0
maven_total=0
for round in $(seq 1 "$rounds"); do
  start=$(now_ms)
  "$root/bin/grader" grade "$root/solutions/src/main/java" --out "$work/round-$round" >/dev/null
  grader_ms=$(( $(now_ms) - start ))

  rm -rf "$maven_project/target"
  start=$(now_ms)
  (cd "$maven_project" && mvn -q -o test >/dev/null 2>&1) || { echo "mvn test failed in $maven_project" >&2; exit 1; }
  maven_ms=$(( $(now_ms) - start ))

  printf 'round %d: grader %6d ms   mvn -q test %6d ms\n' "$round" "$grader_ms" "$maven_ms"
  grader_total=$(( grader_total + grader_ms ))
  maven_total=$(( maven_total + maven_ms ))
done

grader_avg=$(( grader_total / rounds ))
maven_avg=$(( maven_total / rounds ))
echo "mean over $rounds rounds: grader ${grader_avg} ms, mvn -q test ${maven_avg} ms"
awk -v g="$grader_avg" -v m="$maven_avg" 'BEGIN { printf "ratio (mvn / grader): %.1fx\n", m / g }'
echo "grader score: $(grep -o '"score": *[0-9.]*' "$work/round-1/report.json" | head -1)"
