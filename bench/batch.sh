#!/usr/bin/env bash
# Grades a class of N submissions (default 100) with `bin/grader batch` and prints the wall time, submissions per
# minute, seconds per submission and the machine's CPU-seconds per submission; in the same run it times the usual
# way, `mvn -q test` in a Maven project per submission (provided code + the student's files + the hidden tests), on 3
# of them, and extrapolates to N.
# The class is built from the course: the solutions, the untouched template, the examples and every known-bug
# variant (the solutions with the variant's files in place), repeated until there are N; every fourth one is a zip.
# Usage: bench/batch.sh [N] [JOBS]   (defaults 100 and the number of processors)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-100}"
jobs="${2:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# The distinct submissions: solutions, template, examples, variants.
made="$work/made"
mkdir -p "$made"
cp -r "$root/solutions/src/main/java" "$made/solutions"
cp -r "$root/student-template" "$made/template"
rm -rf "$made/template/target"
for example in "$root"/examples/*/; do cp -r "$example" "$made/$(basename "$example")"; done
for mutant in "$root"/exercises/*/mutants/*/; do
  name="$(basename "$(dirname "$(dirname "$mutant")")").$(basename "$mutant")"
  cp -r "$root/solutions/src/main/java" "$made/$name"
  for file in $(cd "$mutant" && find . -name '*.java'); do
    target="$(find "$made/$name" -name "$(basename "$file")" -print -quit)"
    cp "$mutant/$file" "${target:-$made/$name/$(basename "$file")}"
  done
done
mapfile -t distinct < <(ls "$made" | sort)

# The class: N students cycling through the distinct submissions.
class="$work/class"
mkdir -p "$class"
for i in $(seq 1 "$count"); do
  pick="${distinct[$(( (i - 1) % ${#distinct[@]} ))]}"
  student="$(printf 's%03d-%s' "$i" "$pick")"
  if (( i % 4 == 0 )); then
    (cd "$made/$pick" && zip -qr "$class/$student.zip" .)
  else
    cp -r "$made/$pick" "$class/$student"
  fi
done
echo "class: $count submissions from ${#distinct[@]} distinct ones, --jobs $jobs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Build the grader (and the course's build cache) outside the measurement.
"$root/bin/grader" grade "$made/solutions" --out "$work/warm" >/dev/null

# The whole machine's busy CPU time (user + nice + system + irq + softirq, in clock ticks) from /proc/stat: the
# children run in sandboxes whose CPU time never reaches the batch's own rusage, so `time` would undercount them.
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat 2>/dev/null || echo 0; }
ticks_before=$(busy_ticks)
start=$(now_ms)
"$root/bin/grader" batch "$class" --out "$work/out" --jobs "$jobs" > "$work/batch.log"
batch_ms=$(( $(now_ms) - start ))
busy=$(( $(busy_ticks) - ticks_before ))
tail -1 "$work/batch.log"

# The usual way: one Maven project per submission, `mvn -q test`, timed on 3 submissions.
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"   # the project version comes first
maven_total=0
for pick in solutions partial typical-mistake; do
  project="$work/maven-$pick"
  mkdir -p "$project/src/main/java" "$project/src/test/java"
  cp -r "$root/student-template/src/main/java/." "$project/src/main/java/"
  (cd "$made/$pick" && find . -name '*.java' -path '*backprop/*' | while read -r file; do
    relative="backprop/${file#*backprop/}"
    mkdir -p "$project/src/main/java/$(dirname "$relative")"
    cp "$file" "$project/src/main/java/$relative"
  done)
  for tests in "$root"/exercises/*/tests; do cp -r "$tests/." "$project/src/test/java/"; done
  sed -e "s/@VERSION@/$version/" "$root/bench/maven-course-pom.xml" > "$project/pom.xml"
  start=$(now_ms)
  (cd "$project" && mvn -q -o test >/dev/null 2>&1) || true   # failing hidden tests fail the build: that is grading
  maven_total=$(( maven_total + $(now_ms) - start ))
done

awk -v n="$count" -v b="$batch_ms" -v m="$maven_total" -v busy="$busy" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "bin/grader batch: %d submissions in %.1f s: %.1f submissions/min, %.2f s per submission\n",
         n, b / 1000, n * 60000 / b, b / 1000 / n
  if (busy > 0) printf "machine CPU while the batch ran: %.1f CPU-s, %.2f CPU-s per submission, %.2f cores busy\n",
         busy / hz, busy / hz / n, busy / hz / (b / 1000)
  printf "mvn -q test per submission: %.2f s (mean of 3); %d submissions: %.0f s, %.1fx the batch\n",
         m / 3000, n, m / 3000 * n, (m / 3 * n) / b
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
