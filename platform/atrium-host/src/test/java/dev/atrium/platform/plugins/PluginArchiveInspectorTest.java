package dev.atrium.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.platform.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultVersionManager;

class PluginArchiveInspectorTest {

    @TempDir
    Path dir;

    private final PluginArchiveInspector inspector =
            new PluginArchiveInspector("0.1.0", new DefaultVersionManager(), 1024 * 1024);

    @Test
    void acceptsAWellFormedArchiveAndReadsItsDescriptor() throws IOException {
        PluginArchive archive = inspector.inspect(zip(Map.of(
                "plugin.properties", descriptor("office", "1.2.0", ">=0.1.0 & <0.2.0"),
                "lib/office.jar", jar("dev/acme/Office.class"))));

        assertThat(archive.id()).isEqualTo("office");
        assertThat(archive.version()).isEqualTo("1.2.0");
        assertThat(archive.sha256()).hasSize(64);
    }

    @Test
    void refusesZipSlipEntries() throws IOException {
        Path file = zip(Map.of("plugin.properties", descriptor("x", "1.0.0", "*"),
                "lib/x.jar", jar("a/A.class"), "lib/../../../etc/cron.d/evil", new byte[] {1}));
        assertCode(file, "plugin-archive-unsafe");
    }

    @Test
    void refusesAnArchiveThatExpandsBeyondItsBudget() throws IOException {
        Path file = zip(Map.of("plugin.properties", descriptor("x", "1.0.0", "*"),
                "lib/x.jar", jar("a/A.class"), "ui/zeros.bin", new byte[5 * 1024 * 1024]));
        assertCode(file, "plugin-archive-unsafe");
    }

    @Test
    void refusesAJarCarryingTheSdk() throws IOException {
        Path file = zip(Map.of("plugin.properties", descriptor("x", "1.0.0", "*"),
                "lib/x.jar", jar("dev/atrium/sdk/Skill.class")));
        assertCode(file, "plugin-bundles-sdk");
    }

    @Test
    void refusesMissingDescriptorsBadIdsAndIncompatibleRanges() throws IOException {
        assertCode(zip(Map.of("lib/x.jar", jar("a/A.class"))), "plugin-archive-invalid");
        assertCode(zip(Map.of("plugin.properties", descriptor("Bad_Id", "1.0.0", "*"),
                "lib/x.jar", jar("a/A.class"))), "plugin-archive-invalid");
        assertCode(zip(Map.of("plugin.properties", descriptor("x", "1.0.0", ">=1.0.0"),
                "lib/x.jar", jar("a/A.class"))), "plugin-incompatible");
        Path notZip = dir.resolve("junk.zip");
        Files.writeString(notZip, "junk");
        assertCode(notZip, "plugin-archive-invalid");
    }

    @Test
    void refusesHugeEntryCountsUnknownCapabilitiesAndBrokenSettingsSchemas() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("plugin.properties", descriptor("x", "1.0.0", "*"));
        many.put("lib/x.jar", jar("a/A.class"));
        for (int i = 0; i < 20_001; i++) {
            many.put("ui/f" + i, new byte[0]);
        }
        assertCode(zip(many), "plugin-archive-unsafe");

        byte[] greedy = ("plugin.id=x\nplugin.version=1.0.0\nplugin.capabilities=model.chat, root-shell\n")
                .getBytes(StandardCharsets.UTF_8);
        assertCode(zip(Map.of("plugin.properties", greedy, "lib/x.jar", jar("a/A.class"))), "plugin-archive-invalid");

        assertCode(zip(Map.of("plugin.properties", descriptor("x", "1.0.0", "*"), "lib/x.jar", jar("a/A.class"),
                "settings.schema.json", "{not json".getBytes(StandardCharsets.UTF_8))), "plugin-archive-invalid");
    }

    @Test
    void readsDeclaredCapabilitiesWithTheStorageAllowance() throws IOException {
        byte[] declared = ("plugin.id=x\nplugin.version=1.0.0\nplugin.capabilities=ocr, model.chat, storage:2MB\n")
                .getBytes(StandardCharsets.UTF_8);
        PluginArchive archive = inspector.inspect(zip(Map.of("plugin.properties", declared, "lib/x.jar", jar("a/A.class"))));
        assertThat(archive.capabilities().names()).containsExactlyInAnyOrder("ocr", "model.chat", "storage");
        assertThat(archive.capabilities().storageBytes()).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void anUploadMustBeSignedByATrustedKeyWhenUnsignedOnesAreNotAllowed() throws IOException {
        var keys = dev.atrium.signing.PluginSignatures.generateKeyPair();
        PluginArchiveInspector strict = new PluginArchiveInspector("0.1.0", new DefaultVersionManager(), 1024 * 1024,
                new PluginTrust(Map.of(dev.atrium.signing.PluginSignatures.keyId(keys.getPublic()), keys.getPublic()),
                        false));
        Path archive = zip(Map.of("plugin.properties", descriptor("x", "1.0.0", "*"), "lib/x.jar", jar("a/A.class")));
        assertThatThrownBy(() -> strict.inspect(archive, false)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("plugin-unsigned"));
        assertThat(strict.inspect(archive, true).signer()).isNull();
        dev.atrium.signing.PluginSignatures.signArchive(archive, archive, keys);
        assertThat(strict.inspect(archive, false).signer())
                .isEqualTo(dev.atrium.signing.PluginSignatures.keyId(keys.getPublic()));
    }

    private void assertCode(Path file, String code) {
        assertThatThrownBy(() -> inspector.inspect(file))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] descriptor(String id, String version, String requires) {
        return ("plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jar(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            jar.putNextEntry(new ZipEntry(entry));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile(dir, "plugin-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : new LinkedHashMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return file;
    }
}
