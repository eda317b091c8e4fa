package dev.gradecheck.course;

import dev.gradecheck.api.TestId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the test methods of compiled hidden tests by their JUnit Jupiter annotations ({@code @Test},
 * {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory}, {@code @TestTemplate}), reading class
 * files with ASM so nothing instructor-written runs in the grader.
 */
final class TestMethodScanner {

    private static final Set<String> TEST_ANNOTATIONS = Set.of(
            "Lorg/junit/jupiter/api/Test;",
            "Lorg/junit/jupiter/params/ParameterizedTest;",
            "Lorg/junit/jupiter/api/RepeatedTest;",
            "Lorg/junit/jupiter/api/TestFactory;",
            "Lorg/junit/jupiter/api/TestTemplate;");

    private TestMethodScanner() {
    }

    /** Every test method declared by the classes below {@code classes}, sorted. */
    static Set<TestId> scan(Path classes) {
        Set<TestId> tests = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Path file : CourseLayout.filesBelow(classes, ".class")) {
            try {
                new ClassReader(Files.readAllBytes(file)).accept(new Collector(tests), ClassReader.SKIP_CODE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tests;
    }

    private static final class Collector extends ClassVisitor {

        private final Set<TestId> tests;
        private String className;

        Collector(Set<TestId> tests) {
            super(Opcodes.ASM9);
            this.tests = tests;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name.replace('/', '.');
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (TEST_ANNOTATIONS.contains(annotation)) {
                        tests.add(new TestId(className, name));
                    }
                    return null;
                }
            };
        }
    }
}
