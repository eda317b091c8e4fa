# gradecheck's grading-server client in plain bash, sourced by bin/grader (and by the grader's tests).
# gradecheck_via_server STATE_DIR COURSE_ROOT ARG...
#   Reads the command line (grade, demo or verify and their options) into a typed grading request for the course at
#   COURSE_ROOT, with the caller's GRADECHECK_COURSE and working directory, has the grading server whose endpoint
#   file is in STATE_DIR run it, passes its output through and returns its exit code.
#   Returns 100, having run nothing, when there is no usable server: no endpoint file owned by this user, none
#   listening, or one that answers 100 because the grader was rebuilt since it started (it says so on stderr); and
#   when the command line is not one it reads (--help, --opt=value, an unknown option...): the grader itself explains.
#   Uses bash built-ins only. Protocol: grader/src/main/java/dev/gradecheck/server/ServerProtocol.java.
gradecheck_via_server() {
  local state_dir="$1" course_root="$2"
  shift 2
  local endpoint="$state_dir/endpoint" key value port="" token="" pid="" line code="" fields=()
  gradecheck_request_fields "$course_root" "$@" || return 100
  [[ -O "$state_dir" && -f "$endpoint" && -O "$endpoint" ]] || return 100
  while IFS='=' read -r key value; do
    case "$key" in
      port) port="$value" ;; token) token="$value" ;; pid) pid="$value" ;;
    esac
  done < "$endpoint"
  [[ "$port" =~ ^[0-9]+$ && -n "$token" ]] || return 100
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 100
  printf 'gradecheck-server-1\0%s\0run\0%s\0%s\0' "$token" "$PWD" "${#fields[@]}" >&3
  printf '%s\0' "${fields[@]}" >&3
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

# gradecheck_request_fields COURSE_ROOT TASK ARG...
#   Sets the array fields to the request fields of the command line (see ServerProtocol): the task, course=, the
#   caller's env.GRADECHECK_COURSE= and env.GITHUB_OUTPUT= when set, then one key=value field per option
#   (--format and --exercise repeatable) and the submission. Returns 1 for
#   a command line it does not read, so that the grader itself parses it and says what is wrong.
gradecheck_request_fields() {
  local task="$2" submission=""
  fields=("$task" "course=$1")
  shift 2
  [[ "$task" == grade || "$task" == demo || "$task" == verify ]] || return 1
  [[ -n "${GRADECHECK_COURSE+set}" ]] && fields+=("env.GRADECHECK_COURSE=$GRADECHECK_COURSE")
  [[ -n "${GITHUB_OUTPUT+set}" ]] && fields+=("env.GITHUB_OUTPUT=$GITHUB_OUTPUT")
  while (( $# > 0 )); do
    case "$task:$1" in
      grade:--out | grade:--ref | grade:--require-isolation | grade:--exercise | grade:--format \
        | grade:--github-output | verify:--exercise)
        (( $# >= 2 )) || return 1
        fields+=("${1#--}=$2")
        shift 2
        ;;
      *:-*) return 1 ;;
      grade:*)
        [[ -z "$submission" ]] || return 1
        submission="$1"
        fields+=("submission=$1")
        shift
        ;;
      *) return 1 ;;
    esac
  done
  [[ "$task" != grade || -n "$submission" ]]
}
