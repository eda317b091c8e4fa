package dev.gradecheck.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceAndBytecodeTests {

    private static final String FILE = "src/main/java/backprop/mlp/Mlp.java";

    @Test
    void dropsABytecodeFindingTheSourceRuleReportsForTheSameMember() {
        Finding source = source(6, "Mlp.java:6:9: calls java.lang.System.exit — exiting");
        Finding bytecode = bytecode(6, "Mlp.java:6: calls java.lang.System.exit — exiting");

        assertEquals(List.of(), SourceAndBytecode.unreported(List.of(source), List.of(bytecode)));
    }

    @Test
    void dropsABytecodeFindingAboutTheSameTypeOnAnotherLine() {
        Finding source = source(9, "Mlp.java:9:5: uses java.lang.Thread — threads");
        Finding bytecode = bytecode(3, "Mlp.java:3: uses java.lang.Thread — threads");

        assertEquals(List.of(), SourceAndBytecode.unreported(List.of(source), List.of(bytecode)));
    }

    @Test
    void dropsACallOnATypeTheSourceRuleReportsOnTheSameLine() {
        Finding source = source(7, "Mlp.java:7:20: uses java.lang.Thread — threads");
        Finding bytecode = bytecode(7, "Mlp.java:7: calls java.lang.Thread.start — threads");

        assertEquals(List.of(), SourceAndBytecode.unreported(List.of(source), List.of(bytecode)));
    }

    @Test
    void keepsWhatOnlyTheBytecodeSaw() {
        Finding source = source(6, "Mlp.java:6:9: calls java.lang.System.exit — exiting");
        Finding other = bytecode(8, "Mlp.java:8: calls java.lang.System.getProperty — not among");
        Finding elsewhere = new Finding("bytecode", dev.gradecheck.api.Severity.ZERO, 0,
                new Location("src/main/java/backprop/mlp/Other.java", 6, 0), "Other.java:6: calls java.lang.System.exit — x", "");

        assertEquals(List.of(other, elsewhere), SourceAndBytecode.unreported(List.of(source), List.of(other, elsewhere)));
    }

    @Test
    void readsTheSubjectOfBothWordings() {
        assertEquals(Optional.of("java.lang.System.exit"), SourceAndBytecode.subject("Mlp.java:6:9: refers to java.lang.System::exit — x"));
        assertEquals(Optional.of("java.util.Map.Entry"), SourceAndBytecode.subject("Mlp.java:6: uses java.util.Map$Entry — x"));
        assertEquals(Optional.of("declares the native method fast"),
                SourceAndBytecode.subject("Mlp.java:6: declares the native method fast — x"));
        assertEquals(Optional.empty(), SourceAndBytecode.subject("and 3 more refused references not shown"));
    }

    private static Finding source(int line, String message) {
        return Finding.zero("forbidden-api", new Location(FILE, line, 9), message, "");
    }

    private static Finding bytecode(int line, String message) {
        return Finding.zero("bytecode", new Location(FILE, line, 0), message, "");
    }
}
