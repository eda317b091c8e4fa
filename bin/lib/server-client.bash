# gradecheck's grading-server client in plain bash, sourced by bin/grader (and by the grader's tests).
# gradecheck_via_server STATE_DIR COURSE_ROOT ARG...
#   Hands the command line (with --course COURSE_ROOT in front) to the grading server whose endpoint file is in
#   STATE_DIR, runs it there in this working directory, passes its output through and returns its exit code.
#   Returns 100, having run nothing, when there is no usable server: no endpoint file owned by this user, none
#   listening, or one that answers 100 because the grader was rebuilt since it started (it says so on stderr).
#   Uses bash built-ins only. Protocol: grader/src/main/java/dev/gradecheck/cli/ServerProtocol.java.
gradecheck_via_server() {
  local state_dir="$1" course_root="$2"
  shift 2
  local endpoint="$state_dir/endpoint" key value port="" token="" pid="" line code=""
  [[ -O "$state_dir" && -f "$endpoint" && -O "$endpoint" ]] || return 100
  while IFS='=' read -r key value; do
    case "$key" in
      port) port="$value" ;; token) token="$value" ;; pid) pid="$value" ;;
    esac
  done < "$endpoint"
  [[ "$port" =~ ^[0-9]+$ && -n "$token" ]] || return 100
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 100
  printf 'gradecheck-server-1\0%s\0run\0%s\0%s\0' "$token" "$PWD" "$(( $# + 2 ))" >&3
  printf '%s\0' --course "$course_root" "$@" >&3
  while IFS= read -r line <&3 || [[ -n "$line" ]]; do
    case "$line" in
      o*) printf '%s\n' "${line:1}" ;;
      e*) printf '%s\n' "${line:1}" >&2 ;;
      x*) code="${line:1}" ;;
    esac
    line=""
  done
  exec 3<&-
  if [[ ! "$code" =~ ^[0-9]+$ ]]; then
    echo "bin/grader: the grading server (pid $pid) stopped before it finished; run the command again" \
         "('bin/grader server stop' makes bin/grader grade by itself)." >&2
    return 1
  fi
  return "$code"
}
