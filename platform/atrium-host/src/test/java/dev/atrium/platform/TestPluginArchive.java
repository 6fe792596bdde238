package dev.atrium.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real plugin archives in a temp folder from compiled test classes: PF4J's zip layout with a jar
 * in lib/ holding the classes and their extension index. Variants make hostile archives.
 */
final class TestPluginArchive {

    /** The key every test archive is signed with; tests trust it through {@link #trustedKey()}. */
    static final java.security.KeyPair SIGNING_KEYS = dev.atrium.signing.PluginSignatures.generateKeyPair();

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=0.1.0";
    private final List<Class<?>> extensions = new ArrayList<>();
    private final Map<String, byte[]> extraZipEntries = new LinkedHashMap<>();
    private final Map<String, byte[]> extraJarEntries = new LinkedHashMap<>();
    private final Map<String, String> extraDescriptor = new LinkedHashMap<>();
    private boolean signed = true;
    private byte[] afterSigning;

    private TestPluginArchive(String id) {
        this.id = id;
    }

    static TestPluginArchive plugin(String id) {
        return new TestPluginArchive(id);
    }

    TestPluginArchive version(String value) {
        this.version = value;
        return this;
    }

    TestPluginArchive requires(String value) {
        this.requires = value;
        return this;
    }

    TestPluginArchive extensions(Class<?>... classes) {
        extensions.addAll(List.of(classes));
        return this;
    }

    /** The public key (base64) to list in {@code atrium.plugins.trusted-keys}. */
    static String trustedKey() {
        return java.util.Base64.getEncoder().encodeToString(SIGNING_KEYS.getPublic().getEncoded());
    }

    /** Leaves the archive unsigned. */
    TestPluginArchive unsigned() {
        this.signed = false;
        return this;
    }

    /** Signs the archive, then replaces its jar with this content, as an attacker would. */
    TestPluginArchive tamperedAfterSigning(byte[] jar) {
        this.afterSigning = jar;
        return this;
    }

    /** Adds a line to {@code plugin.properties}, such as {@code plugin.sensitive=true}. */
    TestPluginArchive descriptor(String key, String value) {
        extraDescriptor.put(key, value);
        return this;
    }

    /** Adds an entry to the outer zip, for example a {@code ../} path. */
    TestPluginArchive zipEntry(String name, byte[] content) {
        extraZipEntries.put(name, content);
        return this;
    }

    /** Puts a copy of an SDK class in the plugin jar, as a wrongly built plugin would. */
    TestPluginArchive bundlingSdk() {
        extraJarEntries.put("dev/atrium/sdk/Skill.class", classBytes(dev.atrium.sdk.Skill.class));
        return this;
    }

    Path writeTo(Path folder) {
        try {
            Path zip = Files.createTempFile(folder, id + "-", ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                put(out, "plugin.properties", ("plugin.id=" + id + "\nplugin.version=" + version
                        + "\nplugin.requires=" + requires + "\nplugin.provider=tests\nplugin.description=test plugin "
                        + id + "\n" + (extraDescriptor.containsKey("plugin.capabilities") ? "" : "plugin.capabilities="
                        + "model.chat, model.vision, model.transcribe, model.image, ocr, embeddings, storage:1MB\n")
                        + extraDescriptorLines()).getBytes(StandardCharsets.UTF_8));
                put(out, "lib/" + id + ".jar", jar());
                for (Map.Entry<String, byte[]> entry : extraZipEntries.entrySet()) {
                    put(out, entry.getKey(), entry.getValue());
                }
            }
            if (signed) {
                dev.atrium.signing.PluginSignatures.signArchive(zip, zip, SIGNING_KEYS);
            }
            if (afterSigning != null) {
                replaceJar(zip);
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replaceJar(Path zip) throws IOException {
        Path copy = Files.createTempFile(zip.getParent(), id + "-tampered-", ".zip");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                put(out, entry.getName(), entry.getName().equals("lib/" + id + ".jar") ? afterSigning : in.readAllBytes());
            }
        }
        Files.move(copy, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String extraDescriptorLines() {
        StringBuilder lines = new StringBuilder();
        extraDescriptor.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        return lines.toString();
    }

    private byte[] jar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> type : extensions) {
                put(jar, type.getName().replace('.', '/') + ".class", classBytes(type));
                index.append(type.getName()).append('\n');
            }
            put(jar, "META-INF/extensions.idx", index.toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> entry : extraJarEntries.entrySet()) {
                put(jar, entry.getKey(), entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] classBytes(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

}
