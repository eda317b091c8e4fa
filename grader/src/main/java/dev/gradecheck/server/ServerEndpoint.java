package dev.gradecheck.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running grading server listens, as written to {@code STATE_DIR/endpoint} for clients: {@code port},
 * {@code token} (the secret every request must carry), {@code pid}, and {@code build} (which build of the grader
 * serves, so a client never uses a server older than itself). One {@code key=value} per line; the file is readable
 * by its owner only, in a folder only its owner can enter.
 *
 * @param port the server's TCP port on 127.0.0.1
 * @param token 64 hex digits
 * @param pid the server's process id
 * @param build {@link #currentBuild()} of the server
 */
record ServerEndpoint(int port, String token, long pid, String build) {

    static final String FILE = "endpoint";

    /**
     * The default state folder: {@code server/} beside the grader's jar (or its classes folder), i.e.
     * {@code grader/target/server} of a built course repository, where {@code bin/grader} looks.
     */
    static Path defaultStateDirectory() {
        return codeLocation().getParent().resolve("server");
    }

    /**
     * The build of the running grader: the jar's modification time (seconds) and size, as {@code bin/grader} computes
     * them with {@code stat}; {@code classes} when the grader runs from a classes folder.
     */
    static String currentBuild() {
        Path code = codeLocation();
        if (!Files.isRegularFile(code)) {
            return "classes";
        }
        try {
            return Files.getLastModifiedTime(code).toMillis() / 1000 + "-" + Files.size(code);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(GradingServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the grader's classes are: " + e.getMessage(), e);
        }
    }

    /** The endpoint in {@code stateDirectory}, if a well-formed one is there. */
    static Optional<ServerEndpoint> read(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Map<String, String> fields = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
            return Optional.of(new ServerEndpoint(Integer.parseInt(fields.get("port")), fields.get("token"),
                    Long.parseLong(fields.get("pid")), fields.getOrDefault("build", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes this endpoint into {@code stateDirectory} (created, owner-only, when missing) under a temporary name,
     * then renames it into place, so a client never reads half a file.
     */
    void write(Path stateDirectory) throws IOException {
        createPrivateFolder(stateDirectory);
        Path staged = Files.createTempFile(stateDirectory, FILE, ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(staged, String.format(Locale.ROOT, "port=%d%ntoken=%s%npid=%d%nbuild=%s%n",
                port, token, pid, build), StandardCharsets.UTF_8);
        try {
            Files.move(staged, stateDirectory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, stateDirectory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the endpoint file if it is still this one (another server may have replaced it). */
    void deleteIfCurrent(Path stateDirectory) {
        if (read(stateDirectory).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(stateDirectory.resolve(FILE));
            } catch (IOException e) {
                // A stale endpoint only makes the next client fall back to grading by itself.
            }
        }
    }

    /** Creates the folder readable, writable and enterable by its owner only; an existing one is made so. */
    static void createPrivateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            throw new IOException("the grading server needs a POSIX file system for " + folder, e);
        }
    }
}
