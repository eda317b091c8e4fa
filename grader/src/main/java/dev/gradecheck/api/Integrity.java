package dev.gradecheck.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What one grading saw of tampering with the channel between the child JVMs and the grader. A grading with any event
 * is flagged: its scores are still computed from the authentic events only, but an instructor should look at it.
 * Shown to instructors, never to students.
 *
 * @param events what was seen, in the order first seen; empty for an honest grading
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Integrity(List<IntegrityEvent> events) {

    /** A grading in which nothing was tampered with. */
    public static final Integrity NONE = new Integrity(List.of());

    public Integrity {
        events = List.copyOf(events);
    }

    /** Whether anything was seen. */
    public boolean flagged() {
        return !events.isEmpty();
    }

    /** Both gradings' events, this one's first. */
    public Integrity and(Integrity other) {
        if (other.events.isEmpty()) {
            return this;
        }
        return new Integrity(java.util.stream.Stream.concat(events.stream(), other.events.stream()).toList());
    }
}
