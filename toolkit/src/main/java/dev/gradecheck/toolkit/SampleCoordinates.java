package dev.gradecheck.toolkit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Seeded choice of distinct flat coordinates (row-major indices) of a tensor. */
final class SampleCoordinates {

    private SampleCoordinates() {
    }

    /**
     * Chooses {@code min(samples, size)} distinct indices in {@code [0, size)} by Floyd's algorithm, so the cost
     * depends on the number of samples, not on the size. The same seed gives the same indices on every JVM
     * ({@link Random} is specified exactly).
     *
     * @return the indices in increasing order
     */
    static long[] choose(long size, int samples, long seed) {
        if (samples >= size) {
            long[] all = new long[(int) size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Random random = new Random(seed);
        Set<Long> chosen = new HashSet<>();
        for (long j = size - samples; j < size; j++) {
            long candidate = nextLong(random, j + 1);
            chosen.add(chosen.contains(candidate) ? j : candidate);
        }
        return chosen.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** @return a uniform value in {@code [0, bound)} */
    private static long nextLong(Random random, long bound) {
        if (bound <= Integer.MAX_VALUE) {
            return random.nextInt((int) bound);
        }
        return Math.floorMod(random.nextLong(), bound);
    }
}
