package dev.gradecheck.sandbox.job;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads at most the last few kilobytes of a file that may be huge: enough to see why a JVM died. */
final class FileTail {

    private FileTail() {
    }

    /** The last {@code maxBytes} bytes as text (lossy at the cut), or empty when the file cannot be read. */
    static String of(Path file, int maxBytes) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - maxBytes);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
