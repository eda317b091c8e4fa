# Whether bin/grader must build the grader first, in plain bash, sourced by bin/grader (and by the grader's tests).
# gradecheck_needs_build ROOT JAR LIB STAMP
#   True (0) when JAR, the LIB folder or STAMP is missing, or when a POM or a main source file of the grader, the
#   toolkit, the protocol, the child or the cluster is newer than STAMP, which bin/grader touches after each build it ran (Maven
#   leaves an unchanged jar's time alone, so the jar's own time would ask for a build on every run after an edit).
#   Test sources do not count: they are not in the grader. Built-ins only (globstar) where bash has them.
gradecheck_needs_build() {
  local root="$1" jar="$2" lib="$3" stamp="$4"
  [[ -f "$jar" && -d "$lib" && -f "$stamp" ]] || return 0
  if shopt -s globstar nullglob 2>/dev/null; then
    local file
    for file in "$root/pom.xml" "$root"/{grader,toolkit,protocol,child,cluster}/pom.xml "$root"/grader/src/main/** \
                "$root"/toolkit/src/main/** "$root"/protocol/src/main/** "$root"/child/src/main/** \
                "$root"/cluster/src/main/**; do
      [[ -f "$file" && "$file" -nt "$stamp" ]] && { shopt -u globstar nullglob; return 0; }
    done
    shopt -u globstar nullglob
    return 1
  fi
  local newer
  newer="$(find "$root/pom.xml" "$root"/{grader,toolkit,protocol,child,cluster}/pom.xml \
               "$root"/{grader,toolkit,protocol,child,cluster}/src/main -newer "$stamp" -type f -print -quit 2>/dev/null || true)"
  [[ -n "$newer" ]]
}

