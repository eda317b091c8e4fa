package dev.gradecheck.sandbox;

import java.nio.file.Path;

/**
 * The private files of one child JVM.
 *
 * @param folder the child's own folder
 * @param stdout where the child's real standard output goes (tests' output is captured before it gets there)
 * @param stderr where the child's real standard error goes; its tail tells why a child died
 * @param eventsFile the events file, created by the child
 * @param tmp the child's {@code java.io.tmpdir}, writable by the child
 */
record ChildFolder(Path folder, Path stdout, Path stderr, Path eventsFile, Path tmp) {
}
