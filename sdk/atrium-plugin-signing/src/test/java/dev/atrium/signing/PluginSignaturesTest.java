package dev.atrium.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSignaturesTest {

    @TempDir
    Path dir;

    @Test
    void aSignedArchiveVerifiesAndAnyChangeAfterSigningBreaksIt() throws IOException {
        KeyPair keys = PluginSignatures.generateKeyPair();
        Path archive = zip("plugin.zip", Map.of("plugin.properties", "plugin.id=x\n", "lib/x.jar", "jar bytes"));
        PluginSignatures.signArchive(archive, archive, keys);
        Map<String, PublicKey> trusted = Map.of(PluginSignatures.keyId(keys.getPublic()), keys.getPublic());
        assertThat(PluginSignatures.verifyArchive(archive, trusted)).startsWith("valid signature by");

        Path tampered = zip("tampered.zip", Map.of("plugin.properties", "plugin.id=x\n", "lib/x.jar", "evil bytes",
                PluginSignatures.SIGNATURE_ENTRY, signatureOf(archive)));
        assertThat(PluginSignatures.verifyArchive(tampered, trusted)).startsWith("INVALID");

        Path extra = zip("extra.zip", Map.of("plugin.properties", "plugin.id=x\n", "lib/x.jar", "jar bytes",
                "lib/more.jar", "added later", PluginSignatures.SIGNATURE_ENTRY, signatureOf(archive)));
        assertThat(PluginSignatures.verifyArchive(extra, trusted)).startsWith("INVALID");

        KeyPair stranger = PluginSignatures.generateKeyPair();
        assertThat(PluginSignatures.verifyArchive(archive, Map.of(PluginSignatures.keyId(stranger.getPublic()),
                stranger.getPublic()))).startsWith("signed by an unknown key");
        assertThat(PluginSignatures.verifyArchive(zip("plain.zip", Map.of("a", "b")), trusted)).isEqualTo("unsigned");
    }

    @Test
    void keysRoundTripThroughTheirFiles() throws IOException {
        KeyPair keys = PluginSignatures.generateKeyPair();
        PluginSignatures.writeKeyPair(keys, dir.resolve("me.key"), dir.resolve("me.pub"));
        KeyPair read = PluginSignatures.readKeyPair(dir.resolve("me.key"), dir.resolve("me.pub"));
        byte[] manifest = "abc".getBytes(StandardCharsets.UTF_8);
        assertThat(PluginSignatures.verify(manifest, PluginSignatures.sign(manifest, read.getPrivate()), keys.getPublic()))
                .isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("me.key")))).isEqualTo("rw-------");
    }

    private String signatureOf(Path archive) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(archive))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(PluginSignatures.SIGNATURE_ENTRY)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no signature");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }
}
