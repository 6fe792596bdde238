package dev.atrium.platform.plugins;

import dev.atrium.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import dev.atrium.signing.PluginSignatures;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.pf4j.VersionManager;
import org.springframework.http.HttpStatus;

/**
 * Decides whether a file is a plugin archive the host may install, before anything touches the plugins
 * folder: a readable zip in PF4J's layout, no entry escaping its folder (zip slip), bounded in entries and
 * expanded size (zip bomb), a well-formed descriptor whose {@code plugin.requires} admits this SDK, and no
 * bundled copy of the SDK.
 */
final class PluginArchiveInspector {

    /** Where an archive may declare the JSON Schema of its settings. */
    static final String SETTINGS_SCHEMA = "settings.schema.json";
    private static final int MAX_SETTINGS_SCHEMA = 256 * 1024;

    private static final int MAX_ENTRIES = 20_000;
    private static final String ID_PATTERN = "[a-z][a-z0-9-]{0,63}";

    private final String sdkVersion;
    private final VersionManager versions;
    private final long maxExpandedBytes;
    private final PluginTrust trust;

    /** An inspector that lets unsigned archives in, for tests of the other checks. */
    PluginArchiveInspector(String sdkVersion, VersionManager versions, long maxArchiveBytes) {
        this(sdkVersion, versions, maxArchiveBytes, new PluginTrust(java.util.Map.of(), true));
    }

    PluginArchiveInspector(String sdkVersion, VersionManager versions, long maxArchiveBytes, PluginTrust trust) {
        this.trust = trust;
        this.sdkVersion = sdkVersion;
        this.versions = versions;
        this.maxExpandedBytes = maxArchiveBytes * 4;
    }

    /** Inspects an archive from a trusted source (bundled, or installed earlier): a signature, if any, must hold. */
    PluginArchive inspect(Path file) {
        return inspect(file, true);
    }

    /**
     * Inspects an archive.
     *
     * @param trustedSource whether it comes from the platform itself or was admitted before; an upload is
     *                      not, and must carry a valid signature by a trusted key unless unsigned ones are allowed
     */
    PluginArchive inspect(Path file, boolean trustedSource) {
        java.util.SortedMap<String, String> digests = new java.util.TreeMap<>();
        byte[] signatureEntry = null;
        Properties descriptor = null;
        String settingsSchema = null;
        boolean hasCode = false;
        long expanded = 0;
        int entries = 0;
        MessageDigest sha256 = sha256();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), sha256);
             ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw unsafe("the archive has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                checkEntryName(name);
                if (name.startsWith("classes/" + HostApi.SDK_RESOURCE_PREFIX)) {
                    throw bundlesSdk(name);
                }
                if (digests.containsKey(name) || name.equals(PluginSignatures.SIGNATURE_ENTRY) && signatureEntry != null) {
                    throw unsafe("the archive holds '" + name + "' twice");
                }
                if (name.equals(PluginSignatures.SIGNATURE_ENTRY)) {
                    signatureEntry = readBounded(zip, 4096);
                    continue;
                }
                MessageDigest entryDigest = sha256();
                byte[] content = null;
                if (name.equals("plugin.properties") || name.equals(SETTINGS_SCHEMA)
                        || name.startsWith("lib/") && name.endsWith(".jar")) {
                    content = readBounded(zip, maxExpandedBytes - expanded);
                    entryDigest.update(content);
                    expanded += content.length;
                } else {
                    expanded += drainBounded(zip, maxExpandedBytes - expanded, entryDigest);
                }
                digests.put(name, HexFormat.of().formatHex(entryDigest.digest()));
                if (name.equals("plugin.properties")) {
                    descriptor = new Properties();
                    descriptor.load(new ByteArrayInputStream(content));
                } else if (name.equals(SETTINGS_SCHEMA)) {
                    settingsSchema = settingsSchema(content);
                } else if (content != null) {
                    hasCode = true;
                    checkJarDoesNotBundleSdk(name, content);
                } else if (name.startsWith("classes/") && name.endsWith(".class")) {
                    hasCode = true;
                }
            }
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (ZipException e) {
            throw invalid("the file is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw invalid("the archive cannot be read (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw invalid("the file is not a zip archive or is empty");
        }
        if (descriptor == null) {
            throw invalid("plugin.properties is missing at the root of the archive");
        }
        if (!hasCode) {
            throw invalid("the archive holds no code: expected lib/*.jar or classes/");
        }
        String signer = checkSignature(digests, signatureEntry, trustedSource);
        return describe(file, descriptor, HexFormat.of().formatHex(sha256.digest()), settingsSchema, signer);
    }

    /** The id of the key that signed the archive, {@code null} if unsigned and allowed; else a problem. */
    private String checkSignature(java.util.SortedMap<String, String> digests, byte[] signatureEntry,
                                  boolean trustedSource) {
        if (signatureEntry == null) {
            if (trustedSource || trust.allowUnsigned()) {
                return null;
            }
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-unsigned", "Plugin is not signed",
                    "this platform installs only plugins signed by a trusted key; sign the archive "
                            + "(./atrium sign) or ask an administrator to allow unsigned plugins");
        }
        PluginSignatures.Signed signed;
        try {
            signed = PluginSignatures.parseSignatureEntry(signatureEntry);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-signature-invalid",
                    "Plugin signature is invalid", "the signature entry is malformed: " + e.getMessage());
        }
        PublicKey key = trust.keys().get(signed.keyId());
        if (key == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-signer-untrusted",
                    "Plugin signed by an untrusted key", "the archive is signed by key " + signed.keyId()
                            + ", which this platform does not trust").with("keyId", signed.keyId());
        }
        if (!PluginSignatures.verify(PluginSignatures.manifest(digests), signed.signature(), key)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-signature-invalid",
                    "Plugin signature is invalid", "the archive was changed after it was signed by key "
                            + signed.keyId()).with("keyId", signed.keyId());
        }
        return signed.keyId();
    }

    /** The settings schema's text once it is known to be a JSON Schema object of bounded size. */
    private String settingsSchema(byte[] content) {
        if (content.length > MAX_SETTINGS_SCHEMA) {
            throw invalid(SETTINGS_SCHEMA + " is larger than " + MAX_SETTINGS_SCHEMA + " bytes");
        }
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        try {
            com.networknt.schema.SchemaRegistry.withDefaultDialect(
                    com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(text);
        } catch (RuntimeException e) {
            throw invalid(SETTINGS_SCHEMA + " is not a JSON Schema (" + e.getMessage() + ")");
        }
        if (!text.strip().startsWith("{")) {
            throw invalid(SETTINGS_SCHEMA + " must be a JSON object");
        }
        return text;
    }

    private static Capabilities capabilities(String declaration) {
        try {
            return Capabilities.parse(declaration);
        } catch (IllegalArgumentException e) {
            throw invalid("plugin.capabilities: " + e.getMessage());
        }
    }

    private PluginArchive describe(Path file, Properties descriptor, String sha256, String settingsSchema,
                                   String signer) {
        String id = descriptor.getProperty("plugin.id", "").trim();
        String version = descriptor.getProperty("plugin.version", "").trim();
        String requires = descriptor.getProperty("plugin.requires", "*").trim();
        if (!id.matches(ID_PATTERN)) {
            throw invalid("plugin.id must be lower-case letters, digits and dashes, got '" + id + "'");
        }
        try {
            versions.compareVersions(version, "0.0.0");
        } catch (RuntimeException e) {
            throw invalid("plugin.version must be a semantic version such as 1.2.0, got '" + version + "'");
        }
        boolean compatible;
        try {
            compatible = requires.isEmpty() || requires.equals("*")
                    || versions.checkVersionConstraint(sdkVersion, requires);
        } catch (RuntimeException e) {
            throw invalid("plugin.requires is not a version range: '" + requires + "'");
        }
        if (!compatible) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-incompatible",
                    "Plugin needs another SDK version",
                    "plugin '" + id + "' requires SDK " + requires + " but this host provides " + sdkVersion)
                    .with("requires", requires).with("sdkVersion", sdkVersion);
        }
        return new PluginArchive(file, id, version,
                descriptor.getProperty("plugin.description", "").trim(),
                descriptor.getProperty("plugin.provider", "").trim(),
                descriptor.getProperty("plugin.license", "").trim(), requires, sha256,
                Boolean.parseBoolean(descriptor.getProperty("plugin.sensitive", "false").trim()), settingsSchema,
                signer, capabilities(descriptor.getProperty("plugin.capabilities", "")),
                dependencies(descriptor.getProperty("plugin.dependencies", "")));
    }

    /** PF4J's {@code id@range} list, each id and range checked so that a typo is refused, not ignored. */
    private List<PluginArchive.Dependency> dependencies(String declaration) {
        List<PluginArchive.Dependency> dependencies = new ArrayList<>();
        for (String item : declaration.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            org.pf4j.PluginDependency parsed = new org.pf4j.PluginDependency(item.strip());
            String range = parsed.getPluginVersionSupport();
            if (!parsed.getPluginId().matches(ID_PATTERN)) {
                throw invalid("plugin.dependencies: '" + item.strip() + "' does not name a plugin id");
            }
            try {
                if (!"*".equals(range)) {
                    versions.checkVersionConstraint("0.0.0", range);
                }
            } catch (RuntimeException e) {
                throw invalid("plugin.dependencies: '" + range + "' is not a version range");
            }
            dependencies.add(new PluginArchive.Dependency(parsed.getPluginId(), range, parsed.isOptional()));
        }
        return dependencies;
    }

    private static void checkEntryName(String name) {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
                || ("/" + normalized + "/").contains("/../") || normalized.indexOf('\0') >= 0) {
            throw unsafe("entry '" + name + "' would be written outside the plugin folder");
        }
    }

    private void checkJarDoesNotBundleSdk(String jarName, byte[] jar) throws IOException {
        try (ZipInputStream inner = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry entry;
            while ((entry = inner.getNextEntry()) != null) {
                if (entry.getName().startsWith(HostApi.SDK_RESOURCE_PREFIX)) {
                    throw bundlesSdk(jarName);
                }
            }
        } catch (ZipException e) {
            throw invalid(jarName + " is not a readable jar (" + e.getMessage() + ")");
        }
    }

    private byte[] readBounded(InputStream in, long budget) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, budget) + 1));
        if (bytes.length > budget) {
            throw tooLarge();
        }
        return bytes;
    }

    private long drainBounded(InputStream in, long budget, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            total += n;
            if (total > budget) {
                throw tooLarge();
            }
        }
        return total;
    }

    private ProblemException tooLarge() {
        return unsafe("the archive expands to more than " + maxExpandedBytes / (1024 * 1024) + " MB");
    }

    private static ProblemException bundlesSdk(String where) {
        return ProblemException.badRequest("plugin-bundles-sdk", "Plugin bundles the SDK",
                "the archive contains its own copy of the Atrium SDK (" + where + "); "
                        + "depend on atrium-sdk with provided scope so the host supplies it");
    }

    private static ProblemException unsafe(String detail) {
        return ProblemException.badRequest("plugin-archive-unsafe", "Unsafe plugin archive", detail);
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("plugin-archive-invalid", "Not a valid plugin archive", detail);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
