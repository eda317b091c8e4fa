package dev.gradecheck.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What crosses machines, as signed bytes: jobs, leases, results, the batch's description and the marks of finished
 * jobs. Each is {@code "GCC1"}, a kind byte, the batch's namespace, the fields, and an HMAC-SHA256 of all of that under
 * the {@link ClusterKey}. The signature is checked before a field is read, and the namespace after, so a forged, cut,
 * unsigned or other batch's envelope is {@link Rejected} and never parsed. Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class Envelopes {

    private static final byte[] MAGIC = "GCC1".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNATURE_BYTES = 32;
    private static final byte JOB = 1;
    private static final byte LEASE = 2;
    private static final byte RESULT = 3;
    private static final byte BATCH = 4;
    private static final byte DONE = 5;

    /** An envelope that is not one of ours: {@code getMessage()} says why. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    /**
     * A lease as the shared lease table holds it: the job's hash and attempt (not its zip: the worker has that, the
     * coordinator's {@link Ledger} too), who holds it until when, and the cluster member of that worker.
     */
    public record HeldLease(String submissionHash, int attempt, String workerId, Instant deadline, String token,
            String memberId) {
        public HeldLease {
            Objects.requireNonNull(submissionHash, "submissionHash");
            Objects.requireNonNull(workerId, "workerId");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(memberId, "memberId");
        }

        /** The table's entry for {@code lease}, held through cluster member {@code memberId}. */
        public static HeldLease of(Lease lease, String memberId) {
            return new HeldLease(lease.submissionHash(), lease.job().attempt(), lease.workerId(), lease.deadline(),
                    lease.token(), memberId);
        }
    }

    /**
     * A worker's result: a report ({@code graded}) or the reason it could not grade ({@code !graded}), with the
     * suite hash it graded with and the attempt it held.
     */
    public record Result(String submissionHash, String workerId, String suiteHash, int attempt, boolean graded,
            byte[] body) {
        public Result {
            Objects.requireNonNull(submissionHash, "submissionHash");
            Objects.requireNonNull(workerId, "workerId");
            Objects.requireNonNull(suiteHash, "suiteHash");
            body = Objects.requireNonNull(body, "body").clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Result result && result.submissionHash.equals(submissionHash)
                    && result.workerId.equals(workerId) && result.suiteHash.equals(suiteHash)
                    && result.attempt == attempt && result.graded == graded && Arrays.equals(result.body, body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionHash, workerId, suiteHash, attempt, graded, Arrays.hashCode(body));
        }
    }

    private final ClusterKey key;
    private final String namespace;
    private final int maxBytes;

    private Envelopes(ClusterKey key, String namespace, int maxBytes) {
        this.key = Objects.requireNonNull(key, "key");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.maxBytes = maxBytes;
    }

    /**
     * Envelopes of the batch {@code namespace} under {@code key}; an envelope longer than {@code maxSubmissionBytes}
     * plus 64 KiB is rejected unread.
     */
    public static Envelopes of(ClusterKey key, String namespace, int maxSubmissionBytes) {
        return new Envelopes(key, namespace, maxSubmissionBytes + (64 << 10));
    }

    public byte[] job(Job job) {
        return seal(JOB, out -> {
            out.writeUTF(job.submissionHash());
            out.writeUTF(job.student());
            out.writeUTF(job.suiteHash());
            out.writeInt(job.attempt());
            bytes(out, job.zip());
        });
    }

    public Job job(byte[] envelope) throws Rejected {
        DataInputStream in = open(envelope, JOB);
        return read(() -> new Job(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), bytes(in)));
    }

    public byte[] lease(HeldLease held) {
        return seal(LEASE, out -> {
            out.writeUTF(held.submissionHash());
            out.writeInt(held.attempt());
            out.writeUTF(held.workerId());
            out.writeLong(held.deadline().toEpochMilli());
            out.writeUTF(held.token());
            out.writeUTF(held.memberId());
        });
    }

    public HeldLease lease(byte[] envelope) throws Rejected {
        DataInputStream in = open(envelope, LEASE);
        return read(() -> new HeldLease(in.readUTF(), in.readInt(), in.readUTF(), Instant.ofEpochMilli(in.readLong()),
                in.readUTF(), in.readUTF()));
    }

    public byte[] result(Result result) {
        return seal(RESULT, out -> {
            out.writeUTF(result.submissionHash());
            out.writeUTF(result.workerId());
            out.writeUTF(result.suiteHash());
            out.writeInt(result.attempt());
            out.writeBoolean(result.graded());
            bytes(out, result.body());
        });
    }

    public Result result(byte[] envelope) throws Rejected {
        DataInputStream in = open(envelope, RESULT);
        return read(() -> new Result(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean(),
                bytes(in)));
    }

    /** The batch's description: the suite hash it grades with. */
    public byte[] batch(String suiteHash) {
        return seal(BATCH, out -> out.writeUTF(suiteHash));
    }

    public String batch(byte[] envelope) throws Rejected {
        DataInputStream in = open(envelope, BATCH);
        return read(in::readUTF);
    }

    /** The mark the coordinator leaves on a finished submission hash, so workers skip copies still queued. */
    public byte[] done(String submissionHash) {
        return seal(DONE, out -> out.writeUTF(submissionHash));
    }

    public String done(byte[] envelope) throws Rejected {
        DataInputStream in = open(envelope, DONE);
        return read(in::readUTF);
    }

    private interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private byte[] seal(byte kind, Fields fields) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeByte(kind);
            out.writeUTF(namespace);
            fields.write(out);
            out.flush();
            byte[] body = buffer.toByteArray();
            buffer.write(key.sign(body));
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DataInputStream open(byte[] envelope, byte kind) throws Rejected {
        if (envelope == null || envelope.length < MAGIC.length + 1 + 2 + SIGNATURE_BYTES) {
            throw new Rejected("too short to be a signed envelope");
        }
        if (envelope.length > maxBytes) {
            throw new Rejected(envelope.length + " bytes, over the cap of " + maxBytes);
        }
        int bodyLength = envelope.length - SIGNATURE_BYTES;
        byte[] body = Arrays.copyOf(envelope, bodyLength);
        if (!key.verifies(body, Arrays.copyOfRange(envelope, bodyLength, envelope.length))) {
            throw new Rejected("bad signature: not signed with this batch's cluster key");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        read(() -> {
            byte[] magic = in.readNBytes(MAGIC.length);
            byte found = in.readByte();
            if (!Arrays.equals(magic, MAGIC) || found != kind) {
                throw new IOException("not an envelope of kind " + kind);
            }
            String batch = in.readUTF();
            if (!batch.equals(namespace)) {
                throw new IOException("signed for batch '" + batch + "', not for this batch '" + namespace + "'");
            }
            return null;
        });
        return in;
    }

    private static <T> T read(Reader<T> reader) throws Rejected {
        try {
            return reader.read();
        } catch (IOException | IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw new Rejected("malformed: " + e.getMessage());
        }
    }

    private static void bytes(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a field claims " + length + " bytes, " + in.available() + " are left");
        }
        return in.readNBytes(length);
    }
}
