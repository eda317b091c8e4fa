# The grader's class-data-sharing archive, in plain bash, sourced by bin/grader (and by the grader's tests).
# gradecheck_keep_archive STATUS PARTIAL ARCHIVE
#   After a first grading run that dumped its loaded classes into PARTIAL (-XX:ArchiveClassesAtExit), moves PARTIAL
#   to ARCHIVE when that run went through the whole pipeline: exit status 0 (graded) or 4 (verify ran and found a
#   problem). A run that stopped early (a usage error, an invalid suite, a missing submission: 2, 3, ...) loaded only
#   a few classes; its archive would be kept until the next build and cost every later run the classes it lacks, so
#   it is dropped and the next grading run makes the archive instead. Renamed into place, so concurrent first runs
#   never see half an archive.
gradecheck_keep_archive() {
  local status="$1" partial="$2" archive="$3"
  if [[ -s "$partial" && ( "$status" -eq 0 || "$status" -eq 4 ) ]]; then
    mv -f "$partial" "$archive" 2>/dev/null || rm -f "$partial"
  else
    rm -f "$partial"
  fi
}
