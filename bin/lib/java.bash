# The Java that bin/grader runs, in plain bash, sourced by bin/grader (and by the grader's tests).
# gradecheck_java
#   Sets the variable java to "$JAVA_HOME/bin/java" when JAVA_HOME is set, as Maven and most Java tools do (the
#   Maven build bin/grader starts sees the same JAVA_HOME), else to the java on PATH. Returns 1, having said why on
#   stderr, when JAVA_HOME is set but holds no bin/java, or when there is no java at all. Built-ins only: no
#   subprocess on the way to a grading server.
gradecheck_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    if [[ -f "$JAVA_HOME/bin/java" && -x "$JAVA_HOME/bin/java" ]]; then
      java="$JAVA_HOME/bin/java"
      return 0
    fi
    echo "bin/grader: JAVA_HOME is set to $JAVA_HOME, but $JAVA_HOME/bin/java is missing or not executable —" \
         "point JAVA_HOME at a JDK 17 or later, or unset it to use the java on PATH." >&2
    return 1
  fi
  if ! command -v java >/dev/null 2>&1; then
    echo "bin/grader: java not found — install a JDK 17 or later, or set JAVA_HOME to one." >&2
    return 1
  fi
  java=java
}
