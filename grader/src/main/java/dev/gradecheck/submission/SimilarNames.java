package dev.gradecheck.submission;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Did-you-mean matching of Java names: the same name in another case, or a small typo (an edit distance, adjacent
 * swaps counting one, of at most 1
 * for names up to 4 characters, else at most 2). Used for missing student files here and for missing members by the
 * structure rules. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class SimilarNames {

    private SimilarNames() {
    }

    /** True when {@code candidate} differs from {@code wanted} only in letter case. */
    public static boolean differsOnlyInCase(String wanted, String candidate) {
        return !wanted.equals(candidate) && wanted.equalsIgnoreCase(candidate);
    }

    /** True when {@code candidate} looks like a typo of {@code wanted} (or differs only in case). */
    public static boolean isSimilar(String wanted, String candidate) {
        if (wanted.equals(candidate)) {
            return false;
        }
        int allowed = wanted.length() <= 4 ? 1 : 2;
        return distance(wanted.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= allowed;
    }

    /** The candidate most similar to {@code wanted}: same name in another case first, then the closest typo. */
    public static Optional<String> closest(String wanted, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> isSimilar(wanted, candidate))
                .min(Comparator.comparing((String candidate) -> !differsOnlyInCase(wanted, candidate))
                        .thenComparingInt(candidate -> distance(wanted, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /**
     * The optimal-string-alignment distance between {@code a} and {@code b}: insertions, deletions, substitutions and
     * swaps of two adjacent characters ({@code Mpl} is one edit from {@code Mlp}).
     */
    public static int distance(String a, String b) {
        int[][] distances = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            distances[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            distances[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                distances[i][j] = Math.min(distances[i - 1][j - 1] + cost, Math.min(distances[i - 1][j], distances[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    distances[i][j] = Math.min(distances[i][j], distances[i - 2][j - 2] + 1);
                }
            }
        }
        return distances[a.length()][b.length()];
    }
}
