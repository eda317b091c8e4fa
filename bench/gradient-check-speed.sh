#!/usr/bin/env bash
# Checks the backward pass of a 784-128-10 MLP (101,770 parameters) two ways and prints, for each, the number of
# forward (loss) evaluations, the wall time, the per-tensor relative errors and verdicts, and their ratios:
#   1. full central differences over every parameter (Gradients.numerical + Gradients.check)
#   2. the toolkit's directional check (Gradients.directional, default directions per tensor)
# Then runs the directional check alone on every known-bug variant of Mlp
# (exercises/mlp-gradient-check/mutants/<code>/Mlp.java), each compiled into its own class folder placed before the
# solutions jar, in a fresh JVM, on the standard and on a scaled-logits input, and prints whether it is caught.
#
# Usage: bench/gradient-check-speed.sh [--directional-only] [BATCH]   (BATCH default 16; >= 3)
# Exit: 0 when the reference passes every check and every variant is caught; 1 when a variant is NOT caught, does not
#       compile, or the reference fails a check; 2 on a build or usage error.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode=reference
if [[ "${1:-}" == "--directional-only" ]]; then mode=directional-only; shift; fi
batch="${1:-16}"
[[ "$batch" =~ ^[0-9]+$ && "$batch" -ge 3 ]] || { echo "usage: $0 [--directional-only] [BATCH>=3], got '$batch'" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build the toolkit and the solutions (offline first), then snapshot the jars: other builds may rewrite target/.
echo "building toolkit and solutions ..."
if ! (cd "$root" && mvn -q -o -pl toolkit,solutions -am install -DskipTests >"$work/build.log" 2>&1); then
  (cd "$root" && mvn -q -pl toolkit,solutions -am install -DskipTests >"$work/build.log" 2>&1) \
    || { cat "$work/build.log" >&2; echo "build failed: mvn -pl toolkit,solutions -am install" >&2; exit 2; }
fi
# The toolkit's compile class path (junit-jupiter-api, opentest4j: Verdicts refers to them).
(cd "$root" && mvn -q -o -pl toolkit dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile="$work/toolkit.classpath" >>"$work/build.log" 2>&1) \
  || { cat "$work/build.log" >&2; echo "could not resolve the toolkit's class path" >&2; exit 2; }
mkdir -p "$work/jars"
cp "$root"/toolkit/target/gradecheck-toolkit-*.jar "$work/jars/toolkit.jar"
cp "$root"/solutions/target/backprop-solutions-*.jar "$work/jars/solutions.jar"
libraries="$work/jars/toolkit.jar:$work/jars/solutions.jar:$(cat "$work/toolkit.classpath")"

javac -d "$work/bench" -cp "$libraries" "$root/bench/GradientCheckBenchmark.java"
run_benchmark() {   # run_benchmark CLASS_PATH_PREFIX ARGS...
  local prefix="$1"; shift
  java -cp "$prefix$work/bench:$libraries" GradientCheckBenchmark "$@"
}

echo
echo "== reference solution (solutions jar)"
reference_status=0
run_benchmark "" "$mode" "$batch" || reference_status=$?
case "$reference_status" in
  0|3) ;;
  *) echo "the reference run did not complete (exit $reference_status)" >&2; exit 2 ;;
esac

echo
echo "== known-bug variants of Mlp (directional check only, fresh JVM each)"
caught=()
missed=()
broken=()
shopt -s nullglob
for folder in "$root"/exercises/mlp-gradient-check/mutants/*/; do
  code="$(basename "$folder")"
  source="$folder/Mlp.java"
  if [[ ! -f "$source" ]]; then
    echo "variant $code: skipped (no Mlp.java)"
    continue
  fi
  classes="$work/variants/$code"
  mkdir -p "$classes"
  if ! javac -nowarn -d "$classes" -cp "$work/jars/solutions.jar" "$source" >"$work/javac-$code.log" 2>&1; then
    echo "variant $code: DOES NOT COMPILE against the solutions jar:"
    sed 's/^/    /' "$work/javac-$code.log" | head -20
    broken+=("$code")
    continue
  fi
  status=0
  run_benchmark "$classes:" variant "$code" "$batch" || status=$?
  case "$status" in
    0) caught+=("$code") ;;
    3) missed+=("$code") ;;
    *) broken+=("$code") ;;
  esac
done

echo
echo "== summary"
echo "reference: $([[ $reference_status -eq 0 ]] && echo "every check passes" || echo "A CHECK FAILS")"
echo "variants caught by the directional check: ${#caught[@]} (${caught[*]:-none})"
echo "variants NOT caught: ${#missed[@]} (${missed[*]:-none})"
[[ ${#broken[@]} -eq 0 ]] || echo "variants that did not compile or run: ${#broken[@]} (${broken[*]})"
if [[ ${#caught[@]} -eq 0 && ${#missed[@]} -eq 0 && ${#broken[@]} -eq 0 ]]; then
  echo "no variants found under exercises/mlp-gradient-check/mutants/*/Mlp.java"
fi
[[ $reference_status -eq 0 && ${#missed[@]} -eq 0 && ${#broken[@]} -eq 0 ]]
