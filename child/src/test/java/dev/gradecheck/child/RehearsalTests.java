package dev.gradecheck.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rehearsal's wire format: what the parent writes the child reads, and the child refuses anything else. */
class RehearsalTests {

    @Test
    void whatTheParentWritesTheChildReadsAndTheJobAfterItStaysUnread() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put("a.B", new byte[] {1, 2, 3});
        classes.put("a.C", new byte[0]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rehearsal.write(new DataOutputStream(bytes), classes, List.of("a.BTests#one", "a.BTests#two"));
        bytes.write(" {\"job\":1}".getBytes(StandardCharsets.UTF_8));

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        Rehearsal rehearsal = Rehearsal.read(in);
        assertEquals(List.of("a.BTests#one", "a.BTests#two"), rehearsal.tests());
        assertEquals(List.of("a.B", "a.C"), List.copyOf(rehearsal.classNames()));
        assertEquals(" {\"job\":1}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aStreamThatDoesNotStartWithARehearsalIsRefused() {
        byte[] job = "{\"token\":\"00\"}".getBytes(StandardCharsets.UTF_8);
        IOException refused = assertThrows(IOException.class,
                () -> Rehearsal.read(new DataInputStream(new ByteArrayInputStream(job))));
        assertTrue(refused.getMessage().contains("does not start with a rehearsal"), refused.getMessage());
    }

    @Test
    void countsOutOfRangeAreRefusedBeforeAnythingIsAllocated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Rehearsal.MAGIC);
        out.writeInt(-1);
        assertThrows(IOException.class, () -> Rehearsal.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void aTruncatedRehearsalIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rehearsal.write(new DataOutputStream(bytes), Map.of("a.B", new byte[100]), List.of("a.BTests#one"));
        byte[] truncated = Arrays.copyOf(bytes.toByteArray(), 60);
        assertThrows(IOException.class, () -> Rehearsal.read(new DataInputStream(new ByteArrayInputStream(truncated))));
    }
}
