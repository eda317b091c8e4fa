package dev.gradecheck.sandbox.isolation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * User ids for children, one per child running at the same time on this host, so that two children (two students'
 * gradings) never share a user: neither can signal, trace or read the files of the other. Only a grader running as
 * root can switch to them.
 *
 * <p>The ids {@value #FIRST} to {@code FIRST + SLOTS - 1} belong to no account (they are far above any that
 * {@code useradd} hands out). Taking one is coordinated between every grader process on the host by a file lock
 * per id, in a folder only root may write ({@code gradecheck-users} in the temporary folder); within this JVM by a
 * set. A lease ends when the child is gone; a grader that dies releases its locks with its process. Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ChildUsers {

    static final int FIRST = 1_900_000_000;
    static final int SLOTS = 512;

    private static final Set<Integer> HELD = new HashSet<>();

    private final Path folder;

    private ChildUsers(Path folder) {
        this.folder = folder;
    }

    /** A leased user id; {@link #close} gives it back. */
    public static final class Lease implements AutoCloseable {

        private final int uid;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean closed;

        private Lease(int uid, FileChannel channel, FileLock lock) {
            this.uid = uid;
            this.channel = channel;
            this.lock = lock;
        }

        public int uid() {
            return uid;
        }

        @Override
        public void close() {
            synchronized (HELD) {
                if (closed) {
                    return;
                }
                closed = true;
                HELD.remove(uid);
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The lock goes with the channel, and both with this process.
            }
        }
    }

    /**
     * The pool in {@code temporaryFolder}; empty when its folder cannot be made private to root (someone else owns it,
     * or it is a link).
     */
    static Optional<ChildUsers> in(Path temporaryFolder) {
        Path folder = temporaryFolder.resolve("gradecheck-users");
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            boolean safe = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    && Integer.valueOf(0).equals(Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                    && Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS)
                            .equals(PosixFilePermissions.fromString("rwx------"));
            return safe ? Optional.of(new ChildUsers(folder)) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A user id no other child has now; throws {@link IllegalStateException} when all {@value #SLOTS} are taken. */
    public Lease lease() throws IOException {
        for (int slot = 0; slot < SLOTS; slot++) {
            int uid = FIRST + slot;
            synchronized (HELD) {
                if (!HELD.add(uid)) {
                    continue;
                }
            }
            Optional<Lease> lease = tryLock(uid);
            if (lease.isPresent()) {
                return lease.get();
            }
            synchronized (HELD) {
                HELD.remove(uid);
            }
        }
        throw new IllegalStateException("all " + SLOTS + " user ids for child JVMs (" + FIRST + "..) are in use on this host");
    }

    private Optional<Lease> tryLock(int uid) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(uid + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new Lease(uid, channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // Held in this JVM after all.
        }
        channel.close();
        return Optional.empty();
    }
}
