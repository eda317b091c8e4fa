package dev.gradecheck.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code .java} file of a submission, read with a size cap and decoded strictly as UTF-8, together with its
 * outline and what (if anything) keeps the tools from reading it.
 *
 * @param path where it sits in the submission, forward slashes
 * @param size its size in bytes
 * @param text its text (a leading UTF-8 byte-order mark removed); for a file that is too large only the first
 *     {@link #MAX_BYTES} bytes, and for a file that is not UTF-8 a lenient decoding — good enough to locate, never to
 *     grade
 * @param sha256 hex SHA-256 of the bytes read
 * @param outline package, types and complexity of {@code text}
 * @param hadByteOrderMark the file started with a UTF-8 byte-order mark, which was removed
 * @param problem why the tools cannot read it, a sentence that continues "{@code <path> }", if it cannot be read
 */
record SourceFile(String path, long size, String text, String sha256, SourceOutline outline, boolean hadByteOrderMark,
                  Optional<String> problem) {

    /** Student sources larger than this are not graded; no hand-written exercise comes close. */
    static final int MAX_BYTES = 512 * 1024;
    /** Deeper nesting of brackets than this is refused before any parser sees it. */
    static final int MAX_NESTING = 256;
    /** Longer expression chains than this are refused before any parser sees them (javac slows down quadratically). */
    static final int MAX_CHAIN = 2_000;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Reads {@code file}; never throws for what the file contains, only when it cannot be read at all. */
    static SourceFile read(Path file, String path) throws IOException {
        long size = Files.size(file);
        byte[] bytes = readCapped(file);
        boolean bom = startsWith(bytes, UTF8_BOM);
        int offset = bom ? UTF8_BOM.length : 0;
        Optional<String> encodingProblem = size > MAX_BYTES ? Optional.empty() : encodingProblem(bytes, offset);
        String text = isUtf16(bytes) ? new String(bytes, StandardCharsets.UTF_16)
                : new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        SourceOutline outline = DeclarationScanner.scan(text);
        Optional<String> problem = sizeProblem(size).or(() -> encodingProblem).or(() -> complexityProblem(outline));
        return new SourceFile(path, size, text, sha256(bytes), outline, bom, problem);
    }

    private static byte[] readCapped(Path file) throws IOException {
        // Never through a symbolic link: the locator ignores links, and a link swapped in later is not read either.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_BYTES + 1);
        }
    }

    private static Optional<String> sizeProblem(long size) {
        if (size <= MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "is %,d bytes; a student file may have at most %,d — remove"
                + " pasted data or generated code", size, MAX_BYTES));
    }

    private static Optional<String> encodingProblem(byte[] bytes, int offset) {
        if (isUtf16(bytes)) {
            return Optional.of("is saved as UTF-16 — save it as UTF-8 (in your editor: \"Save with encoding\" > UTF-8)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int at = in.position();
        return Optional.of(String.format(Locale.ROOT, "is not valid UTF-8: line %d holds the byte 0x%02X, probably an"
                + " accented letter saved in another encoding (such as Windows-1252 or ISO-8859-1) — save the file as"
                + " UTF-8 (in your editor: \"Save with encoding\" > UTF-8)", lineAt(bytes, at), bytes[at] & 0xFF));
    }

    private static boolean isUtf16(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE);
    }

    private static Optional<String> complexityProblem(SourceOutline outline) {
        SourceOutline.Extent nesting = outline.deepestNesting();
        if (nesting.size() > MAX_NESTING) {
            return Optional.of(String.format(Locale.ROOT, "nests brackets %,d levels deep at line %d; the limit is %d"
                    + " — split the expression into named local variables", nesting.size(), nesting.line(), MAX_NESTING));
        }
        SourceOutline.Extent chain = outline.longestChain();
        if (chain.size() > MAX_CHAIN) {
            return Optional.of(String.format(Locale.ROOT, "chains %,d operators in one expression (ending at line %d);"
                    + " the limit is %,d — use a loop or split the expression", chain.size(), chain.line(), MAX_CHAIN));
        }
        return Optional.empty();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The same file without its text, to keep only what locating needs. */
    SourceFile withoutText() {
        return new SourceFile(path, size, "", sha256, outline, hadByteOrderMark, problem);
    }

    /** True when the file can be graded. */
    boolean readable() {
        return problem.isEmpty();
    }
}
