package dev.gradecheck.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and reads a written-answer file ({@code ANSWERS.md}) of a submission: the shallowest file of that name, any
 * case, a regular file before a link. Hostile input: a symbolic link is never followed (it could name
 * {@code /etc/passwd} or the course's solutions), only a regular file is opened (never a folder, a pipe or a device),
 * and at most {@link AnswerFile.Read#MAX_BYTES} bytes are read, so a huge file is never loaded whole.
 */
final class AnswerFiles {

    static final String SYMBOLIC_LINK = "is a symbolic link, which the grader never follows (it could point to any"
            + " file)";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AnswerFiles() {
    }

    /** True when {@code path} (forward slashes) is a file named {@code name}, any case. */
    static boolean isNamed(String path, String name) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /** The candidates in the order they are preferred: regular files before links, then the shallowest, then by path. */
    static List<String> ranked(Path root, List<String> candidates) {
        return candidates.stream().sorted(Comparator
                .comparing((String path) -> Files.isSymbolicLink(root.resolve(path)))
                .thenComparingLong(path -> path.chars().filter(c -> c == '/').count())
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** Reads the chosen file {@code path} below {@code root}; never throws. */
    static AnswerFile read(Path root, String path) {
        Path file = root.resolve(path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new AnswerFile.NotRead(path, "cannot be read (" + e.getMessage() + ")", "Check its permissions.");
        }
        if (attributes.isSymbolicLink()) {
            return new AnswerFile.NotRead(path, SYMBOLIC_LINK, "Replace the link by the file itself.");
        }
        if (!attributes.isRegularFile()) {
            return new AnswerFile.NotRead(path, "is not a regular file", "Replace it by a text file.");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(AnswerFile.Read.MAX_BYTES);
            long unread = Math.max(0, attributes.size() - bytes.length);
            if (unread == 0 && in.read() >= 0) {
                unread = 1; // the file grew while it was read: what follows is unknown
            }
            return decoded(path, bytes, unread);
        } catch (IOException e) {
            return new AnswerFile.NotRead(path, "cannot be read (" + e.getMessage() + ")", "Check its permissions.");
        }
    }

    /** A folder named like the answer file at the top of the submission, which the file listing leaves out. */
    static Optional<String> folderNamed(Path root, String name) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (isNamed(entry.getFileName().toString(), name)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(entry.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static AnswerFile decoded(String path, byte[] bytes, long unread) {
        int start = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        int end = unread > 0 ? completeEnd(bytes) : bytes.length;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, Math.max(0, end - start));
        try {
            String strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer.duplicate()).toString();
            return new AnswerFile.Read(path, strict, unread, false);
        } catch (CharacterCodingException e) {
            String lenient = StandardCharsets.UTF_8.decode(buffer).toString();
            return new AnswerFile.Read(path, lenient, unread, true);
        }
    }

    /** The end of the last complete UTF-8 sequence: a cap may cut one in the middle. */
    private static int completeEnd(byte[] bytes) {
        int end = bytes.length;
        int back = 0;
        while (back < 3 && end - back > 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        int lead = end - back - 1;
        if (lead < 0) {
            return end;
        }
        int b = bytes[lead] & 0xFF;
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return length > back + 1 ? lead : end;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }
}
