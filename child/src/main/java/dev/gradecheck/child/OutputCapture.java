package dev.gradecheck.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What one test printed, kept up to a cap: the first {@code cap} characters (Unicode code points) of everything
 * written to it are kept, the rest only counted. Memory stays bounded however much is printed, and counting the excess
 * is a tight loop, so a flood costs little time.
 *
 * <p>Expects UTF-8 (the {@link #printStream()} encodes so). Thread-safe: a test's stray threads may print too.
 */
final class OutputCapture extends OutputStream {

    private final int capCodePoints;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long codePointsStarted;
    private long droppedCodePoints;

    /** @param capCodePoints how many characters to keep, {@code >= 0} */
    OutputCapture(int capCodePoints) {
        this.capCodePoints = capCodePoints;
    }

    /** A print stream writing UTF-8 into this capture; {@code System.out} and {@code System.err} may share it. */
    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        accept((byte) b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && !full()) {
            accept(bytes[i++]);
        }
        for (; i < end; i++) {
            if (startsCodePoint(bytes[i])) {
                droppedCodePoints++;
            }
        }
    }

    private boolean full() {
        return codePointsStarted > capCodePoints;
    }

    private void accept(byte b) {
        if (startsCodePoint(b)) {
            codePointsStarted++;
        }
        if (full()) {
            if (startsCodePoint(b)) {
                droppedCodePoints++;
            }
        } else {
            kept.write(b);
        }
    }

    /** UTF-8 continuation bytes look like 10xxxxxx; every other byte starts a code point. */
    private static boolean startsCodePoint(byte b) {
        return (b & 0xC0) != 0x80;
    }

    /** The kept text (at most the cap's number of code points). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** How many characters were printed in all (kept or not): grows with every character, so it tells of news. */
    synchronized long printed() {
        return codePointsStarted + droppedCodePoints;
    }

    /** How many characters were printed beyond the cap. */
    synchronized long droppedChars() {
        return droppedCodePoints;
    }
}
