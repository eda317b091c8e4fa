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
 * What a job's zip holds: exactly two entries, {@code job.json} (the exercises to grade, and the paths of a folder's
 * symbolic links) and {@code submission.zip} (the submission as a zip: a zip submission as it is, a folder or a git
 * commit's checkout zipped). Read back with caps: no other entry, no entry twice, no more bytes than the cluster
 * sends; the submission itself is then opened by the grader's intake, with its own zip safety (no path traversal, no
 * links, size and ratio caps).
 *
 * <p>A zip holds no links, yet a local grading lists a folder's links among the ignored paths. So a folder's links
 * travel by path alone (never their targets), and the worker puts a dangling link at each path ({@link #placeLinks}):
 * the report lists them as a local grading does, and nothing outside the submission is ever named or reached.
 */
final class JobPackage {

    static final String JOB = "job.json";
    static final String SUBMISSION = "submission.zip";
    private static final int MAX_JOB_JSON = 64 << 10;
    /** Where the worker's stand-in links point: a name that exists nowhere in the submission's folder. */
    static final String LINK_TARGET = ".gradecheck-link-not-sent";
    private static final Gson GSON = new Gson();

    /** A job's contents; {@code links} are the paths of the submission folder's links, {@code /}-separated. */
    record Contents(List<String> exercises, byte[] submissionZip, List<String> links) {
        Contents {
            exercises = List.copyOf(exercises);
            Objects.requireNonNull(submissionZip, "submissionZip");
            links = List.copyOf(links);
        }
    }

    /** A submission as it travels: its regular files zipped, and the paths of its links. */
    record Packed(byte[] zip, List<String> links) {
        Packed {
            Objects.requireNonNull(zip, "zip");
            links = List.copyOf(links);
        }
    }

    private JobPackage() {
    }

    static byte[] pack(List<String> exercises, Packed submission) throws IOException {
        byte[] submissionZip = submission.zip();
        JsonObject job = new JsonObject();
        JsonArray ids = new JsonArray();
        exercises.forEach(ids::add);
        job.add("exercises", ids);
        JsonArray links = new JsonArray();
        submission.links().forEach(links::add);
        job.add("links", links);
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
        JsonObject json = parse(jobJson);
        return new Contents(strings(json, "exercises", true), submission, strings(json, "links", false));
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

    private static JsonObject parse(byte[] jobJson) throws IOException {
        try {
            JsonObject json = GSON.fromJson(new String(jobJson, StandardCharsets.UTF_8), JsonObject.class);
            if (json == null) {
                throw new JsonParseException("empty");
            }
            return json;
        } catch (JsonParseException | ClassCastException e) {
            throw notAJob(e);
        }
    }

    /** The strings of array {@code key} of job.json; an optional one may be absent (a job of an older coordinator). */
    private static List<String> strings(JsonObject json, String key, boolean required) throws IOException {
        List<String> values = new ArrayList<>();
        if (!required && !json.has(key)) {
            return values;
        }
        try {
            json.getAsJsonArray(key).forEach(value -> values.add(value.getAsString()));
            return values;
        } catch (NullPointerException | IllegalStateException | ClassCastException | UnsupportedOperationException e) {
            throw notAJob(e);
        }
    }

    private static IOException notAJob(RuntimeException e) {
        return new IOException(JOB + " of a job is not {\"exercises\": [...], \"links\": [...]}: " + e.getMessage(), e);
    }

    /** A zip submission as it is: it holds no links the grader would list. */
    static Packed zipFile(Path zip) throws IOException {
        return new Packed(Files.readAllBytes(zip), List.of());
    }

    /**
     * The regular files under {@code root} zipped, by path relative to it, in name order, times zeroed, and the paths
     * of its links; a {@code .git} folder left out (a git submission travels as its checkout). Links are never
     * followed, so nothing below a linked folder is listed, as in a local listing.
     */
    static Packed zipFolder(Path root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> links = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                boolean link = Files.isSymbolicLink(file);
                if (name.isEmpty() || name.equals(".git") || name.startsWith(".git/")
                        || !link && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (link) {
                    links.add(name);
                } else {
                    put(zip, name, Files.readAllBytes(file));
                }
            }
        }
        return new Packed(bytes.toByteArray(), links);
    }

    /**
     * Puts a dangling link at each of {@code links} below {@code root}, pointing at {@link #LINK_TARGET}, so a
     * grading lists them as it lists a folder's links. Refuses a path that is absolute, leaves {@code root}, has an
     * empty or dot segment, already exists, or lies below a link.
     *
     * @throws IOException naming the path that is refused
     */
    static void placeLinks(Path root, List<String> links) throws IOException {
        for (String link : links) {
            List<String> segments = List.of(link.split("/", -1));
            if (link.contains("\\")
                    || segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
                throw new IOException("a job's link path '" + link + "' is not a plain relative path");
            }
            Path folder = root;
            for (String segment : segments.subList(0, segments.size() - 1)) {
                folder = folder.resolve(segment);
                if (Files.isSymbolicLink(folder) || Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("a job's link path '" + link + "' lies below a link or a file");
                }
                Files.createDirectories(folder);
            }
            Path place = folder.resolve(segments.get(segments.size() - 1));
            if (Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("a job's link path '" + link + "' is also a file of its zip");
            }
            Files.createSymbolicLink(place, Path.of(LINK_TARGET));
        }
    }
}
