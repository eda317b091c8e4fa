#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu): installs a JDK 17, Maven and
# bubblewrap (the sandbox of student code), then builds the grader into the image, so that no submission waits for
# a build. Made by `bin/grader package gradescope`; the course is in $GRADECHECK_AUTOGRADER_ROOT/source.
#   GRADECHECK_AUTOGRADER_ROOT  the autograder folder (default /autograder; tests unpack the kit elsewhere)
#   GRADECHECK_SKIP_APT=1       skip the apt-get steps (an image that has them already, or a test)
#   GRADECHECK_GRADER           the grader command to check instead of building source/bin/grader (a test that
#                               points at an existing build)
set -euo pipefail
root="${GRADECHECK_AUTOGRADER_ROOT:-/autograder}"
source="$root/source"
if [[ -z "${GRADECHECK_SKIP_APT:-}" ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven bubblewrap ca-certificates
fi
chmod +x "$source/bin/grader" "$source/run_autograder" 2>/dev/null || true
# The first run builds the grader (mvn, online once); --version then proves it starts on this image's Java.
"${GRADECHECK_GRADER:-$source/bin/grader}" --version
