package dev.gradecheck.cluster.grading;

import dev.gradecheck.batch.BatchLanes;
import dev.gradecheck.batch.GraderLanes;
import dev.gradecheck.cluster.Job;
import dev.gradecheck.cluster.JobGrader;
import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.submission.SubmissionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A worker's {@link JobGrader} (and the coordinator's own slots'): grades a job as the batch grades a submission on
 * one machine, on the grader's {@link GraderLanes} — a warm grader, a fresh isolated child JVM per submission. The
 * job's zip is read with caps ({@code job.json} and {@code submission.zip} only, nothing larger than the cluster
 * sends); the submission is written to a folder of its own under {@code scratch} and graded as a zip, so the
 * grader's intake opens it with its zip safety (no path traversal, no links, size and ratio caps): a hostile zip is a
 * refusal in the report, as it is for {@code bin/grader grade}. The reports come back as one package of text files;
 * the folder is deleted afterwards. Thread-safe: slots grade at once, up to the lanes' width.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BatchJobGrader implements JobGrader {

    private static final long MAX_REPORT_FILE_BYTES = 16L << 20;

    private final Path courseRoot;
    private final GraderLanes lanes;
    private final Path scratch;
    private final int maxSubmissionBytes;

    /**
     * @param courseRoot the course on this machine (its suite hash is the one the worker joined with)
     * @param lanes the graders
     * @param scratch where submissions are unpacked, one folder each, deleted after grading
     * @param maxSubmissionBytes the cluster's cap on a submission's zip
     */
    public BatchJobGrader(Path courseRoot, GraderLanes lanes, Path scratch, int maxSubmissionBytes) {
        this.courseRoot = Objects.requireNonNull(courseRoot, "courseRoot");
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.scratch = Objects.requireNonNull(scratch, "scratch").toAbsolutePath();
        this.maxSubmissionBytes = maxSubmissionBytes;
    }

    @Override
    public byte[] grade(Job job) throws Exception {
        JobPackage.Contents contents = JobPackage.unpack(job.zip(), maxSubmissionBytes);
        Files.createDirectories(scratch);
        Path folder = Files.createTempDirectory(scratch, "job-");
        try {
            Path zip = folder.resolve(JobPackage.SUBMISSION);
            Files.write(zip, contents.submissionZip());
            String graded = contents.links().isEmpty() ? zip.toString() : withLinks(zip, contents.links(), folder);
            Path out = Files.createDirectory(folder.resolve("out"));
            BatchLanes.Done done = lanes.grade(new BatchLanes.Task(courseRoot, job.student(), job.submissionHash(),
                    graded, Optional.empty(), contents.exercises(), out));
            return new ReportPackage(done.code().code(), done.errors(), graded, reports(out)).toBytes();
        } finally {
            FileTrees.deleteQuietly(folder);
        }
    }

    /**
     * A folder with links: the zip extracted by the grader's intake (its zip safety), then a stand-in link at each
     * path, so the grading sees the folder as the coordinator's machine has it. A zip the intake refuses is graded as
     * it is, so the grading reports why.
     */
    private static String withLinks(Path zip, List<String> links, Path folder) throws IOException {
        Submission opened;
        try {
            opened = Intake.create(folder.resolve("opened")).open(zip.toString(), Optional.empty());
        } catch (SubmissionException e) {
            return zip.toString();
        }
        JobPackage.placeLinks(opened.root(), links);
        return opened.root().toString();
    }

    /** The report files the grading wrote: plain names, regular files, text. */
    private static Map<String, String> reports(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(out)) {
            for (Path file : listed.sorted().toList()) {
                String name = file.getFileName().toString();
                if (ReportPackage.FILE_NAME.matcher(name).matches() && Files.isRegularFile(file,
                        LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_REPORT_FILE_BYTES) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
