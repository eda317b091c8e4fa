#!/usr/bin/env bash
# One machine against the cluster, on the same class of N submissions (default 30), one grading slot per process so
# that the runs compare: `bin/grader batch --jobs 1`; a coordinator that grades nothing (`--jobs 0`) and one worker
# (`--slots 1`); the same coordinator and two workers (`--slots 1` each). Prints each run's wall time, the cluster's
# own overhead per job (queue, transfer, signing: the one-worker run less the local run, less the worker's start, per
# submission) and the time a worker takes to join and take its first job. All on 127.0.0.1, on free ports; every
# process is ended at the end. Two cores cannot show a speed-up: the overhead and the join time are the figures.
# Usage: bench/cluster.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-30}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_for() {   # wait_for FILE TEXT: until FILE holds TEXT; prints the time it did, in ms
  until grep -q "$2" "$1" 2>/dev/null; do sleep 0.02; done
  now_ms
}

# The distinct submissions (solutions, template, examples, known-bug variants), cycled to N folders.
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
class="$work/class"
mkdir -p "$class"
for i in $(seq 1 "$count"); do
  pick="${distinct[$(( (i - 1) % ${#distinct[@]} ))]}"
  cp -r "$made/$pick" "$class/$(printf 's%03d-%s' "$i" "$pick")"
done
key="$work/key/cluster.key"
echo "class: $count submissions; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Build the grader and the cluster (and the course's build cache) outside the measurement.
"$root/bin/grader" grade "$made/solutions" --out "$work/warm" >/dev/null
"$root/bin/grader" worker --help >/dev/null

start=$(now_ms)
"$root/bin/grader" batch "$class" --out "$work/local" --jobs 1 > "$work/local.log"
local_ms=$(( $(now_ms) - start ))

# cluster RUN WORKERS: wall time of a coordinator (--jobs 0) and WORKERS workers; worker 1's start-to-first-job time.
cluster() {
  local run="$1" workers="$2" port
  port="$(free_port)"
  local begin; begin=$(now_ms)
  "$root/bin/grader" batch "$class" --out "$work/$run" --jobs 0 --cluster --listen "127.0.0.1:$port" --key "$key" \
    > "$work/$run-coordinator.log" 2>&1 &
  local coordinator=$!
  pids+=("$coordinator")
  wait_for "$work/$run-coordinator.log" "Coordinating batch" >/dev/null
  local w launched=0
  for w in $(seq 1 "$workers"); do
    [[ "$w" == 1 ]] && launched=$(now_ms)
    "$root/bin/grader" worker --join "127.0.0.1:$port" --listen "127.0.0.1:$(free_port)" --key "$key" --slots 1 \
      --batches 1 > "$work/$run-worker-$w.log" 2>&1 &
    pids+=("$!")
  done
  local joined first
  joined=$(wait_for "$work/$run-worker-1.log" "joined batch")
  first=$(wait_for "$work/$run-worker-1.log" "took its first job")
  wait "$coordinator"
  local end; end=$(now_ms)
  wait   # the workers leave after their one batch
  echo "$(( end - begin )) $(( joined - launched )) $(( first - launched ))"
}
cluster one 1 > "$work/one.figures"
cluster two 2 > "$work/two.figures"
read -r one_ms one_join one_first < "$work/one.figures"
read -r two_ms two_join two_first < "$work/two.figures"
for run in one two; do
  cmp -s <(cut -d, -f1-8 "$work/local/gradebook.csv") <(cut -d, -f1-8 "$work/$run/gradebook.csv") \
    || echo "warning: the $run-worker run's gradebook differs from the local one's"
done

awk -v n="$count" -v l="$local_ms" -v o="$one_ms" -v t="$two_ms" -v j1="$one_join" -v f1="$one_first" \
    -v j2="$two_join" -v f2="$two_first" 'BEGIN {
  printf "one machine, bin/grader batch --jobs 1:        %6.1f s  (%.2f s per submission)\n", l / 1000, l / 1000 / n
  printf "coordinator --jobs 0 + 1 worker --slots 1:     %6.1f s  (%.2f s per submission)\n", o / 1000, o / 1000 / n
  printf "coordinator --jobs 0 + 2 workers --slots 1:    %6.1f s  (%.2f s per submission)\n", t / 1000, t / 1000 / n
  printf "worker start to joined / to its first job:     %.1f s / %.1f s (1 worker), %.1f s / %.1f s (2 workers)\n",
         j1 / 1000, f1 / 1000, j2 / 1000, f2 / 1000
  printf "cluster overhead per job, at most (1-worker run less the local run, per submission; it includes the\n"
  printf "  second JVM'"'"'s start): %.0f ms\n", (o - l) / n
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
