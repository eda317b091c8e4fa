package dev.gradecheck.batch;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The batch's resumable journal, {@code DIR/.batch/journal.jsonl}: one JSON line per finished submission, appended
 * after the submission's reports are in place and forced to disk before the next line. A line written half when the
 * process was killed is cut off when the journal is opened again; the last line of a student wins. Thread-safe.
 */
final class Journal implements AutoCloseable {

    /**
     * A finished submission.
     *
     * @param student the student id
     * @param content the submission's content hash ({@link ContentHash})
     * @param suite the suite hash the submission was graded against
     * @param settings the hash of what else decides the grading: grader version, exercises, ref, deadline
     * @param status {@code graded} or {@code not_gradable}
     * @param reason why it is not gradable; empty when graded
     * @param commit the commit graded, for a git submission
     * @param commitTime when that commit was made (ISO-8601 with offset), for a git submission
     */
    record Entry(String student, String content, String suite, String settings, String status, String reason,
                 Optional<String> commit, Optional<String> commitTime) {
        Entry {
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(commitTime, "commitTime");
        }

        /** Whether this entry is for the same submission graded the same way. */
        boolean sameAs(String otherContent, String otherSuite, String otherSettings) {
            return content.equals(otherContent) && suite.equals(otherSuite) && settings.equals(otherSettings);
        }
    }

    private static final Gson GSON = new Gson();

    private final FileChannel channel;
    private final Map<String, Entry> latest;

    private Journal(FileChannel channel, Map<String, Entry> latest) {
        this.channel = channel;
        this.latest = latest;
    }

    /** Opens (or creates) the journal at {@code file}, cutting off a half-written last line. */
    static Journal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            channel.truncate(end);
            channel.force(true);
        }
        Map<String, Entry> latest = new HashMap<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            parse(line).ifPresent(entry -> latest.put(entry.student(), entry));
        }
        channel.position(channel.size());
        return new Journal(channel, latest);
    }

    private static Optional<Entry> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonObject json = GSON.fromJson(line, JsonObject.class);
            return Optional.of(new Entry(json.get("student").getAsString(), json.get("content").getAsString(),
                    json.get("suite").getAsString(), json.get("settings").getAsString(),
                    json.get("status").getAsString(), json.get("reason").getAsString(), optional(json, "commit"),
                    optional(json, "commit_time")));
        } catch (JsonParseException | NullPointerException | IllegalStateException | UnsupportedOperationException e) {
            return Optional.empty();   // not a line this journal wrote: graded again
        }
    }

    private static Optional<String> optional(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? Optional.of(json.get(key).getAsString()) : Optional.empty();
    }

    /** The last entry of {@code student}, if any. */
    synchronized Optional<Entry> latest(String student) {
        return Optional.ofNullable(latest.get(student));
    }

    /** Appends {@code entry} as one line and forces it to disk. */
    synchronized void append(Entry entry) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("student", entry.student());
        json.addProperty("content", entry.content());
        json.addProperty("suite", entry.suite());
        json.addProperty("settings", entry.settings());
        json.addProperty("status", entry.status());
        json.addProperty("reason", entry.reason());
        entry.commit().ifPresent(commit -> json.addProperty("commit", commit));
        entry.commitTime().ifPresent(time -> json.addProperty("commit_time", time));
        ByteBuffer line = ByteBuffer.wrap((GSON.toJson(json) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
        latest.put(entry.student(), entry);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
