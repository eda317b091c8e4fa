package dev.gradecheck.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a zip archive safely into an empty folder.
 *
 * <ul>
 *   <li>No zip-slip: an entry whose name is absolute, has a drive letter or climbs out with {@code ..} refuses the
 *       whole archive.</li>
 *   <li>Caps on the number of entries, the total extracted size, and the compression ratio of large entries, counted
 *       on the bytes actually inflated (headers can lie), so a zip bomb stops early.</li>
 *   <li>Symbolic links are never created: a link stored in the archive becomes a small regular file holding the
 *       link's target, which nothing follows.</li>
 * </ul>
 */
final class ZipExtractor {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;
    static final long RATIO_CHECK_FROM_BYTES = 1024L * 1024;
    static final long MAX_RATIO = 100;

    private final Path zip;
    private final Path target;
    private long totalBytes;

    private ZipExtractor(Path zip, Path target) {
        this.zip = zip;
        this.target = target;
    }

    /** Extracts {@code zip} into the empty folder {@code target}; throws with a how-to-fix message if it cannot. */
    static void extract(Path zip, Path target) throws SubmissionException {
        new ZipExtractor(zip, target.toAbsolutePath().normalize()).extractAll();
    }

    private void extractAll() throws SubmissionException {
        try (ZipFile archive = open()) {
            List<? extends ZipEntry> entries = entriesOf(archive);
            for (ZipEntry entry : entries) {
                extract(archive, entry);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private ZipFile open() throws IOException {
        try {
            ZipFile archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
            if (namesDecode(archive)) {
                return archive;
            }
            archive.close();
        } catch (ZipException e) {
            // Possibly names that are not UTF-8: retried below.
        }
        // Older tools write entry names in the zip format's original code page, which decodes any byte.
        return new ZipFile(zip.toFile(), Charset.forName("IBM437"));
    }

    private static boolean namesDecode(ZipFile archive) {
        try {
            Collections.list(archive.entries());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<? extends ZipEntry> entriesOf(ZipFile archive) throws SubmissionException {
        if (archive.size() > MAX_ENTRIES) {
            throw new SubmissionException(zip + " has " + archive.size() + " entries; a submission may have at most "
                    + MAX_ENTRIES + " — zip only your project's sources (leave out target/, build/ and dependencies)");
        }
        return new ArrayList<>(Collections.list(archive.entries()));
    }

    private void extract(ZipFile archive, ZipEntry entry) throws SubmissionException, IOException {
        Path destination = destinationOf(entry.getName());
        if (destination.equals(target)) {
            return;
        }
        if (entry.isDirectory()) {
            Files.createDirectories(destination);
            return;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = archive.getInputStream(entry);
             OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            copy(entry, in, out);
        } catch (FileAlreadyExistsException e) {
            throw new SubmissionException(zip + " holds \"" + entry.getName() + "\" twice — re-create the zip from your"
                    + " project folder", e);
        }
    }

    private Path destinationOf(String name) throws SubmissionException {
        String slashed = name.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || slashed.indexOf('\0') >= 0
                || List.of(slashed.split("/")).contains("..")) {
            throw unsafe(name);
        }
        Path destination = target.resolve(slashed).normalize();
        if (!destination.startsWith(target)) {
            throw unsafe(name);
        }
        return destination;
    }

    private void copy(ZipEntry entry, InputStream in, OutputStream out) throws IOException, SubmissionException {
        byte[] buffer = new byte[64 * 1024];
        long entryBytes = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            entryBytes += read;
            totalBytes += read;
            checkBomb(entry, entryBytes);
            out.write(buffer, 0, read);
        }
    }

    private void checkBomb(ZipEntry entry, long entryBytes) throws SubmissionException {
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw new SubmissionException(zip + " expands to more than " + MAX_TOTAL_BYTES / (1024 * 1024)
                    + " MB — submit only your sources (a zip bomb or a zip with build output is refused)");
        }
        long compressed = entry.getCompressedSize();
        if (entryBytes > RATIO_CHECK_FROM_BYTES && compressed > 0 && entryBytes > MAX_RATIO * compressed) {
            throw new SubmissionException(zip + ": entry \"" + entry.getName() + "\" expands more than " + MAX_RATIO
                    + " times its compressed size, like a zip bomb — submit only your sources");
        }
    }

    private SubmissionException unsafe(String name) {
        return new SubmissionException(zip + ": entry \"" + name + "\" would be written outside the submission folder"
                + " (absolute path or \"..\") — re-create the zip from inside your project folder");
    }

    private SubmissionException unreadable(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SubmissionException(zip + " is not a readable zip archive (" + reason.toLowerCase(Locale.ROOT)
                + ") — re-create it, e.g. with `zip -r submission.zip src` or your system's \"Compress\" command", e);
    }
}
