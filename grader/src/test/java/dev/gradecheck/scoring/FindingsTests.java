package dev.gradecheck.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import org.junit.jupiter.api.Test;

class FindingsTests {

    @Test
    void describesAFindingAsLocationAndMessage() {
        Finding finding = Finding.zero("bytecode", new Location("src/Mlp.java", 41, 9), "calls System.exit", "");
        assertEquals("src/Mlp.java:41:9: calls System.exit", Findings.describe(finding));
    }

    @Test
    void doesNotRepeatALocationTheMessageAlreadyStartsWith() {
        Finding finding = Finding.zero("bytecode", new Location("backprop/mlp/Mlp.java", 41, 9),
                "Mlp.java:41:9: calls System.exit", "");
        assertEquals("backprop/mlp/Mlp.java:41:9: calls System.exit", Findings.describe(finding));
        assertEquals("calls System.exit", Findings.messageWithoutLocation(finding));
    }
}
