package dev.gradecheck.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster key file: made private by the first command, refused when others may read it. */
class ClusterKeyTests {

    @TempDir
    Path home;

    @Test
    void theDefaultFileIsInTheXdgConfigFolderElseInDotConfig() {
        assertEquals(Path.of("/etc/xdg-here/gradecheck/cluster.key"),
                ClusterKey.defaultFile(Map.of("XDG_CONFIG_HOME", "/etc/xdg-here"), home));
        assertEquals(home.resolve(".config/gradecheck/cluster.key"), ClusterKey.defaultFile(Map.of(), home));
        assertEquals(home.resolve(".config/gradecheck/cluster.key"),
                ClusterKey.defaultFile(Map.of("XDG_CONFIG_HOME", "relative/path"), home));
    }

    @Test
    void theFirstCommandMakesAPrivateKeyThatLaterCommandsRead() throws Exception {
        Path file = ClusterKey.defaultFile(Map.of(), home);
        ClusterKey made = ClusterKey.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(Files.readString(file).matches("[0-9a-f]{64}\n"));
        byte[] data = "job".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(made.sign(data), ClusterKey.load(file).sign(data));
        assertArrayEquals(made.sign(data), ClusterKey.loadOrCreate(file).sign(data));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "a draft was left beside the key");
        }
    }

    @Test
    void aKeyItsGroupOrOthersMayReadIsRefusedWithTheFix() throws Exception {
        Path file = home.resolve("cluster.key");
        ClusterKey.loadOrCreate(file);
        for (String open : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(open));
            ClusterRefused refused = assertThrows(ClusterRefused.class, () -> ClusterKey.load(file));
            assertEquals("the cluster key " + file + " is open to its group or others (" + open + "): anyone who"
                    + " can read it can forge results; make it private with: chmod 600 " + file, refused.getMessage());
            assertThrows(ClusterRefused.class, () -> ClusterKey.loadOrCreate(file));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        ClusterKey.load(file);
    }

    @Test
    void aMissingOrMalformedKeyIsRefused() throws Exception {
        Path missing = home.resolve("none.key");
        assertTrue(assertThrows(ClusterRefused.class, () -> ClusterKey.load(missing)).getMessage()
                .startsWith("no cluster key at " + missing));
        Path shortKey = home.resolve("short.key");
        Files.writeString(shortKey, "abcd\n");
        Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(ClusterRefused.class, () -> ClusterKey.load(shortKey)).getMessage()
                .startsWith(shortKey + " holds no cluster key"));
    }

    @Test
    void twoKeysSignDifferentlyAndVerifyOnlyTheirOwn() throws Exception {
        ClusterKey first = ClusterKey.loadOrCreate(home.resolve("1.key"));
        ClusterKey second = ClusterKey.loadOrCreate(home.resolve("2.key"));
        byte[] data = "result".getBytes(StandardCharsets.UTF_8);
        assertTrue(first.verifies(data, first.sign(data)));
        assertFalse(first.verifies(data, second.sign(data)));
        assertFalse(first.derivedName("b").equals(second.derivedName("b")));
        assertFalse(first.toString().matches(".*[0-9a-f]{64}.*"), "toString shows the key");
    }
}
