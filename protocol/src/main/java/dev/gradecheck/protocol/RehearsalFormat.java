package dev.gradecheck.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a child started ahead of its job ({@link Wire#WARM_UP}) reads first on its standard input: the warm-up cases
 * (test classes of the grader's own that every warming child runs once), then the rehearsal of the job to come
 * (trusted classes of the course and the tests to run against them). Classes travel in memory and never lie in a file
 * the child can read.
 *
 * <p>Format: the int {@link #MAGIC}; the number of warm-up classes, each as its binary name (modified UTF-8) and its
 * length-prefixed bytes; the rehearsal's classes the same way; then the number of tests, each as
 * {@code fully.qualified.Class#method} (an entry without a {@code #} is skipped). Counts out of range and more than
 * {@value #MAX_TOTAL_BYTES} bytes of classes are refused before anything is allocated. Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class RehearsalFormat {

    /** First int of a rehearsal on the wire. */
    public static final int MAGIC = 0x67635232;
    static final int MAX_TOTAL_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ENTRIES = 100_000;

    private RehearsalFormat() {
    }

    /**
     * A rehearsal as read.
     *
     * @param warmUpCases the warm-up classes, binary name to class file bytes, in the order they arrived
     * @param classes     the rehearsal's classes, the same way
     * @param tests       the rehearsal's tests, as {@code fully.qualified.Class#method}
     */
    public record Contents(Map<String, byte[]> warmUpCases, Map<String, byte[]> classes, List<String> tests) {

        /** Keeps the maps as given (the reader may clear the classes once used); copies the tests. */
        public Contents {
            tests = List.copyOf(tests);
        }
    }

    /** Writes warm-up cases, then a rehearsal of these classes and tests, to {@code out}, and flushes it. */
    public static void write(DataOutputStream out, Map<String, byte[]> warmUpCases, Map<String, byte[]> classes,
                             List<String> tests) throws IOException {
        out.writeInt(MAGIC);
        writeClasses(out, warmUpCases);
        writeClasses(out, classes);
        out.writeInt(tests.size());
        for (String test : tests) {
            out.writeUTF(test);
        }
        out.flush();
    }

    /** Reads a rehearsal; throws {@link IOException} when the stream holds none or a damaged one. */
    public static Contents read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("standard input does not start with a rehearsal");
        }
        long[] total = {0};
        Map<String, byte[]> warmUpCases = readClasses(in, total);
        Map<String, byte[]> classes = readClasses(in, total);
        int testCount = count(in.readInt());
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < testCount; i++) {
            String test = in.readUTF();
            if (test.indexOf('#') > 0) {
                tests.add(test);
            }
        }
        return new Contents(Collections.unmodifiableMap(warmUpCases), classes, tests);
    }

    private static void writeClasses(DataOutputStream out, Map<String, byte[]> classes) throws IOException {
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
    }

    private static Map<String, byte[]> readClasses(DataInputStream in, long[] total) throws IOException {
        int count = count(in.readInt());
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            total[0] += length;
            if (length < 0 || total[0] > MAX_TOTAL_BYTES) {
                throw new IOException("the rehearsal's classes exceed " + MAX_TOTAL_BYTES + " bytes");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        return classes;
    }

    private static int count(int count) throws IOException {
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("a rehearsal count out of range: " + count);
        }
        return count;
    }
}
