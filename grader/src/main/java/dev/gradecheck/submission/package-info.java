/**
 * Intake: opens a submission (a folder, a {@code .zip} or a git repository) into a readable folder, then finds the
 * declared student files in it by their package and class declarations, wherever they sit, and reads the
 * written-answer files ({@code ANSWERS.md}) that manual items name, by name alone ({@link
 * dev.gradecheck.submission.AnswerFile}, cut into sections by {@link dev.gradecheck.submission.AnswerSections}).
 *
 * <p>{@link dev.gradecheck.submission.Intake} and {@link dev.gradecheck.submission.StudentFileLocator} are the ways in.
 * Submissions are hostile input: extraction is capped and confined to the scratch folder, git runs without hooks or
 * user configuration, a repository that links to another one (a {@code .git} file, alternates, {@code commondir},
 * symbolic links leading out) is refused, symbolic links are never followed, and every source is read with a size cap and a cheap lexical scan that never needs the file to
 * compile. A student mistake (a missing, duplicated or unreadable file) becomes a
 * {@link dev.gradecheck.api.Finding}; only a submission that cannot be opened at all is a
 * {@link dev.gradecheck.submission.SubmissionException}.
 */
package dev.gradecheck.submission;
