package dev.gradecheck.sandbox.wire;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.TestId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Collects what one job saw of tampering with its channels, over all its children: identical observations are counted
 * once, in the order first seen, and at most {@value #MAX_DISTINCT} distinct ones are kept (the rest are counted by
 * kind alone), so a child that writes a million forged lines costs little memory. Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class IntegrityLog {

    public static final int MAX_DISTINCT = 50;

    private final Map<Key, Integer> counts = new LinkedHashMap<>();

    /** Records one observation; {@code detail} must not depend on timing, so two gradings record the same. */
    public void record(IntegrityEvent.Kind kind, Optional<TestId> test, String detail) {
        Key key = new Key(kind, test, detail);
        if (!counts.containsKey(key) && counts.size() >= MAX_DISTINCT) {
            key = new Key(kind, Optional.empty(), "(more of this kind, not listed one by one)");
        }
        counts.merge(key, 1, Integer::sum);
    }

    public Integrity integrity() {
        return new Integrity(counts.entrySet().stream()
                .map(e -> new IntegrityEvent(e.getKey().kind(), e.getKey().test(), e.getKey().detail(), e.getValue()))
                .toList());
    }

    /** A claimed test name from the channel, made safe to quote: printable, at most 200 characters. */
    public static String quoted(String claimed) {
        StringBuilder safe = new StringBuilder();
        claimed.codePoints().limit(200).forEach(c -> safe.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return safe + (claimed.codePointCount(0, claimed.length()) > 200 ? "..." : "");
    }

    private record Key(IntegrityEvent.Kind kind, Optional<TestId> test, String detail) {
    }
}
