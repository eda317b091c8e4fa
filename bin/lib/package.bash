# bin/grader package gradescope --out FILE.zip: the Gradescope autograder zip of the course at ROOT — setup.sh and
# run_autograder (bin/lib/kits/gradescope/) at the zip's root beside the course's files (Gradescope unpacks the zip
# into /autograder/source). The course's files are those git tracks when ROOT is a git work tree, else every file
# but build output (target/, out/) and .git. Sourced by bin/grader.
gradecheck_package() {
  local root="$1" platform="${2:-}" out=""
  shift 2 || true
  while (( $# > 0 )); do
    case "$1" in
      --out) (( $# >= 2 )) || { echo "bin/grader package: --out needs a file name" >&2; return 2; }; out="$2"; shift 2 ;;
      *) echo "bin/grader package: unknown argument '$1' — usage: bin/grader package gradescope --out FILE.zip" >&2
         return 2 ;;
    esac
  done
  if [[ "$platform" != gradescope ]]; then
    echo "bin/grader package: '$platform' is not a platform it packages — use: bin/grader package gradescope --out" \
         "FILE.zip (PrairieLearn: bin/lib/kits/prairielearn/Dockerfile; GitHub Classroom:" \
         "student-template/.github/workflows/classroom.yml)" >&2
    return 2
  fi
  [[ -n "$out" ]] || { echo "bin/grader package: say where to write the zip: --out FILE.zip" >&2; return 2; }
  command -v zip >/dev/null 2>&1 || { echo "bin/grader package: needs zip (apt-get install zip)" >&2; return 1; }
  [[ "$out" == /* ]] || out="$PWD/$out"
  local stage
  stage="$(mktemp -d)" || return 1
  if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$root" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
       [[ -f "$file" ]] && printf '%s\0' "$file"
     done | tar --null -T - -cf -) | tar -xf - -C "$stage" || { rm -rf "$stage"; return 1; }
  else
    (cd "$root" && tar --exclude=./.git --exclude='./*/target' --exclude=./out --exclude='./*/out' -cf - .) \
      | tar -xf - -C "$stage" || { rm -rf "$stage"; return 1; }
  fi
  cp "$root/bin/lib/kits/gradescope/setup.sh" "$root/bin/lib/kits/gradescope/run_autograder" "$stage/"
  chmod +x "$stage/setup.sh" "$stage/run_autograder" "$stage/bin/grader"
  rm -f "$out"
  (cd "$stage" && zip -qr -X "$out" .) || { rm -rf "$stage"; echo "bin/grader package: could not write $out" >&2; return 1; }
  rm -rf "$stage"
  echo "Wrote $out: upload it as the Gradescope autograder (Ubuntu image); setup.sh installs a JDK 17, Maven and"
  echo "bubblewrap and builds the grader; run_autograder writes /autograder/results/results.json."
}
