package dev.gradecheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed envelopes: what one batch's key signed reads back; anything else is rejected before it is parsed. */
class EnvelopesTests {

    @TempDir
    static Path folder;

    private static Envelopes envelopes;
    private static Envelopes otherKey;
    private static Envelopes otherBatch;
    private static final Job JOB = Job.of("0123456789abcdef", "ada", "suite-1", new byte[] {80, 75, 3, 4});

    @BeforeAll
    static void keys() throws ClusterRefused {
        ClusterKey key = ClusterKey.loadOrCreate(folder.resolve("a.key"));
        envelopes = Envelopes.of(key, "batch-1", 1 << 20);
        otherKey = Envelopes.of(ClusterKey.loadOrCreate(folder.resolve("b.key")), "batch-1", 1 << 20);
        otherBatch = Envelopes.of(key, "batch-2", 1 << 20);
    }

    @Test
    void jobsLeasesResultsAndMarksReadBackAsSigned() throws Exception {
        assertEquals(JOB, envelopes.job(envelopes.job(JOB)));
        Envelopes.HeldLease lease = new Envelopes.HeldLease(JOB.submissionHash(), 2, "w1",
                Instant.ofEpochMilli(1234), "token", "member");
        assertEquals(lease, envelopes.lease(envelopes.lease(lease)));
        Envelopes.Result result = new Envelopes.Result(JOB.submissionHash(), "w1", "suite-1", 1, true,
                "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(result, envelopes.result(envelopes.result(result)));
        assertEquals("suite-1", envelopes.batch(envelopes.batch("suite-1")));
        assertEquals(JOB.submissionHash(), envelopes.done(envelopes.done(JOB.submissionHash())));
    }

    @Test
    void anEnvelopeWithAnyByteChangedIsRejected() {
        byte[] signed = envelopes.job(JOB);
        for (int index = 0; index < signed.length; index++) {
            byte[] tampered = signed.clone();
            tampered[index] ^= 0x01;
            Envelopes.Rejected rejected = assertThrows(Envelopes.Rejected.class, () -> envelopes.job(tampered));
            assertEquals("bad signature: not signed with this batch's cluster key", rejected.getMessage());
        }
    }

    @Test
    void anEnvelopeSignedWithAnotherKeyIsRejected() {
        assertThrows(Envelopes.Rejected.class, () -> envelopes.job(otherKey.job(JOB)));
    }

    @Test
    void anUnsignedOrCutEnvelopeIsRejected() {
        byte[] signed = envelopes.job(JOB);
        assertThrows(Envelopes.Rejected.class, () -> envelopes.job(Arrays.copyOf(signed, signed.length - 32)));
        assertThrows(Envelopes.Rejected.class, () -> envelopes.job(Arrays.copyOf(signed, 10)));
        assertThrows(Envelopes.Rejected.class, () -> envelopes.job(new byte[0]));
        assertThrows(Envelopes.Rejected.class, () -> envelopes.job((byte[]) null));
    }

    @Test
    void anEnvelopeOfAnotherBatchOrKindIsRejected() {
        Envelopes.Rejected rejected = assertThrows(Envelopes.Rejected.class,
                () -> envelopes.job(otherBatch.job(JOB)));
        assertEquals("malformed: signed for batch 'batch-2', not for this batch 'batch-1'", rejected.getMessage());
        assertThrows(Envelopes.Rejected.class, () -> envelopes.result(envelopes.job(JOB)));
    }

    @Test
    void anEnvelopeOverTheCapIsRejectedUnread() throws Exception {
        Envelopes small = Envelopes.of(ClusterKey.load(folder.resolve("a.key")), "batch-1", 10);
        byte[] large = envelopes.job(Job.of("0123456789abcdef", "ada", "suite-1", new byte[100 << 10]));
        assertThrows(Envelopes.Rejected.class, () -> small.job(large));
    }
}
