package dev.gradecheck.cluster.grading;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What a job's zip holds: exactly two entries, {@code job.json} (the exercises to grade) and {@code submission.zip}
 * (the submission as a zip: a zip submission as it is, a folder or a git commit's checkout zipped). Read back with
 * caps: no other entry, no entry twice, no more bytes than the cluster sends; the submission itself is then opened by
 * the grader's intake, with its own zip safety (no path traversal, no links, size and ratio caps).
 */
final class JobPackage {

    static final String JOB = "job.json";
    static final String SUBMISSION = "submission.zip";
    private static final int MAX_JOB_JSON = 64 << 10;
    private static final Gson GSON = new Gson();

    /** A job's contents. */
    record Contents(List<String> exercises, byte[] submissionZip) {
        Contents {
            exercises = List.copyOf(exercises);
            Objects.requireNonNull(submissionZip, "submissionZip");
        }
    }

    private JobPackage() {
    }

    static byte[] pack(List<String> exercises, byte[] submissionZip) throws IOException {
        JsonObject job = new JsonObject();
        JsonArray ids = new JsonArray();
        exercises.forEach(ids::add);
        job.add("exercises", ids);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(submissionZip.length + 512);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, JOB, GSON.toJson(job).getBytes(StandardCharsets.UTF_8));
            put(zip, SUBMISSION, submissionZip);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * The contents of {@code job}, read with the caps above.
     *
     * @throws IOException when it is not a job this package packed; the message says what is wrong
     */
    static Contents unpack(byte[] job, int maxBytes) throws IOException {
        byte[] jobJson = null;
        byte[] submission = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(job))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(JOB) && jobJson == null) {
                    jobJson = read(zip, MAX_JOB_JSON, JOB);
                } else if (entry.getName().equals(SUBMISSION) && submission == null) {
                    submission = read(zip, maxBytes, SUBMISSION);
                } else {
                    throw new IOException("a job holds " + JOB + " and " + SUBMISSION + " once each, not '"
                            + entry.getName() + "'");
                }
            }
        }
        if (jobJson == null || submission == null) {
            throw new IOException("a job holds " + JOB + " and " + SUBMISSION + "; this one lacks "
                    + (jobJson == null ? JOB : SUBMISSION));
        }
        return new Contents(exercises(jobJson), submission);
    }

    private static byte[] read(InputStream in, int cap, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (out.size() + read > cap) {
                throw new IOException(name + " of a job is over " + cap + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static List<String> exercises(byte[] jobJson) throws IOException {
        try {
            JsonObject json = GSON.fromJson(new String(jobJson, StandardCharsets.UTF_8), JsonObject.class);
            List<String> ids = new ArrayList<>();
            json.getAsJsonArray("exercises").forEach(id -> ids.add(id.getAsString()));
            return ids;
        } catch (JsonParseException | NullPointerException | IllegalStateException | ClassCastException
                 | UnsupportedOperationException e) {
            throw new IOException(JOB + " of a job is not {\"exercises\": [...]}: " + e.getMessage(), e);
        }
    }

    /**
     * The regular files under {@code root} zipped, by path relative to it, in name order, times zeroed; links and
     * a {@code .git} folder left out (a git submission travels as its checkout).
     */
    static byte[] zipFolder(Path root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.equals(".git") || name.startsWith(".git/") || hasLinkAbove(root, file)) {
                    continue;
                }
                put(zip, name, Files.readAllBytes(file));
            }
        }
        return bytes.toByteArray();
    }

    private static boolean hasLinkAbove(Path root, Path file) {
        for (Path folder = file.getParent(); folder != null && !folder.equals(root); folder = folder.getParent()) {
            if (Files.isSymbolicLink(folder)) {
                return true;
            }
        }
        return false;
    }
}
