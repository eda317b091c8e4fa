package dev.gradecheck.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * The key a batch's coordinator and workers share out of band, with which every job and result is signed
 * (HMAC-SHA256), so that a member that found its way into the cluster cannot forge either. It lives in a file only its
 * owner may read: 64 hex digits (32 random bytes) and a newline. {@link #load} refuses a file its group or others may
 * read or write; {@link #loadOrCreate} makes one (mode 0600, in a folder of mode 0700) when there is none, which is
 * what the first cluster command on a machine does with the default file. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ClusterKey {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] key;
    private final Path file;

    private ClusterKey(byte[] key, Path file) {
        this.key = key;
        this.file = file;
    }

    /**
     * The default key file: {@code $XDG_CONFIG_HOME/gradecheck/cluster.key} when that variable names an absolute
     * folder, else {@code ~/.config/gradecheck/cluster.key}.
     *
     * @param environment the process environment ({@code System.getenv()})
     * @param home        the user's home folder ({@code user.home})
     */
    public static Path defaultFile(Map<String, String> environment, Path home) {
        String config = environment.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() && Path.of(config).isAbsolute()
                ? Path.of(config) : home.resolve(".config");
        return base.resolve("gradecheck").resolve("cluster.key");
    }

    /**
     * Reads the key in {@code file}.
     *
     * @throws ClusterRefused when it is missing, unreadable, readable by its group or others, or holds no key
     */
    public static ClusterKey load(Path file) throws ClusterRefused {
        if (!Files.isRegularFile(file)) {
            throw new ClusterRefused("no cluster key at " + file + ": copy the coordinator's key file there (mode"
                    + " 0600), or pass the file with --key");
        }
        checkPrivate(file);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!text.matches("[0-9a-fA-F]{64,256}")) {
                throw new ClusterRefused(file + " holds no cluster key: it must be 64 or more hex digits on one"
                        + " line; delete it and let the first cluster command make a new one, then copy that to"
                        + " every machine");
            }
            return new ClusterKey(HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT)), file);
        } catch (IOException e) {
            throw new ClusterRefused("cannot read the cluster key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the key in {@code file}, first making one there when there is none (32 random bytes, mode 0600, its
     * folder created with mode 0700). Two commands racing to make it read the same key.
     *
     * @throws ClusterRefused as {@link #load}, or when the file cannot be made
     */
    public static ClusterKey loadOrCreate(Path file) throws ClusterRefused {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    private static void create(Path file) throws ClusterRefused {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path draft = Files.createTempFile(folder, ".cluster-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(draft, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException raced) {
                // Another command made it first: both use that one.
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new ClusterRefused("cannot make the cluster key " + file + ": " + e.getMessage()
                    + "; make one yourself (64 hex digits, mode 0600) or pass another file with --key", e);
        }
    }

    private static void checkPrivate(Path file) throws ClusterRefused {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException noPosix) {
            return;
        } catch (IOException e) {
            throw new ClusterRefused("cannot read the permissions of the cluster key " + file + ": " + e.getMessage(),
                    e);
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new ClusterRefused("the cluster key " + file + " is open to its group or others ("
                    + PosixFilePermissions.toString(permissions) + "): anyone who can read it can forge results;"
                    + " make it private with: chmod 600 " + file);
        }
    }

    /** The file the key was read from. */
    public Path file() {
        return file;
    }

    /** HMAC-SHA256 of {@code data} under this key. */
    public byte[] sign(byte[] data) {
        return mac().doFinal(data);
    }

    /** Whether {@code signature} is this key's signature of {@code data} (compared in constant time). */
    public boolean verifies(byte[] data, byte[] signature) {
        return MessageDigest.isEqual(sign(data), signature);
    }

    /**
     * A name derived from the key and {@code label} (HMAC, 16 hex digits): the default cluster name of a batch, which
     * only a member holding the key can know.
     */
    public String derivedName(String label) {
        return HexFormat.of().formatHex(sign(("gradecheck cluster name\0" + label).getBytes(StandardCharsets.UTF_8)),
                0, 8);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "ClusterKey[" + file + "]";
    }
}
