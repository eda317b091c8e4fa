package dev.gradecheck.sandbox.runtime;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The private files of one child JVM.
 *
 * @param folder the child's own folder
 * @param stderr where the child's real standard error goes; its tail tells why a child died
 * @param eventsFile where the child's real standard output goes: its event channel (tests' output is captured
 *     before it gets there). The child writes it through the descriptor it inherits and cannot open it by name
 * @param tmp the child's {@code java.io.tmpdir} when it has no private {@code /tmp}
 */
@API(status = API.Status.INTERNAL)
public record ChildFolder(Path folder, Path stderr, Path eventsFile, Path tmp) {
}
