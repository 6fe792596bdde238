package dev.atrium.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Ed25519 signatures over plugin archives. What is signed is the archive's manifest: one line per entry,
 * {@code <sha256 of its content> <name>}, sorted by name — so changing, adding, removing or renaming any
 * entry after signing breaks the signature, while the zip's own framing (timestamps, compression) does
 * not matter. The signature travels inside the archive as {@value #SIGNATURE_ENTRY}.
 */
public final class PluginSignatures {

    /** The archive entry holding the signature; it is not part of the manifest. */
    public static final String SIGNATURE_ENTRY = "atrium-signature.properties";
    /** The one algorithm used. */
    public static final String ALGORITHM = "Ed25519";

    private PluginSignatures() {
    }

    /**
     * A signature as found in an archive.
     *
     * @param keyId which key made it ({@link #keyId(PublicKey)})
     * @param signature the signature bytes over the manifest
     */
    public record Signed(String keyId, byte[] signature) {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(sha256().digest(key.getEncoded())).substring(0, 16);
    }

    /** The canonical manifest of entry digests (name → hex SHA-256). */
    public static byte[] manifest(SortedMap<String, String> digests) {
        StringBuilder out = new StringBuilder();
        digests.forEach((name, digest) -> out.append(digest).append(' ').append(name).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Signs a manifest. */
    public static byte[] sign(byte[] manifest, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(manifest);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key (an Ed25519 private key is needed)", e);
        }
    }

    /** Whether the signature over the manifest was made by the key. */
    public static boolean verify(byte[] manifest, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(manifest);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The text of a signature entry. */
    public static byte[] signatureEntry(String keyId, byte[] signature) {
        return ("algorithm=" + ALGORITHM + "\nkey-id=" + keyId + "\nsignature="
                + Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a signature entry.
     *
     * @throws IllegalArgumentException if it is not a well-formed Ed25519 signature entry
     */
    public static Signed parseSignatureEntry(byte[] content) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable signature entry", e);
        }
        if (!ALGORITHM.equals(properties.getProperty("algorithm"))) {
            throw new IllegalArgumentException("the signature algorithm is not " + ALGORITHM);
        }
        String keyId = properties.getProperty("key-id", "").trim();
        String signature = properties.getProperty("signature", "").trim();
        if (keyId.isEmpty() || signature.isEmpty()) {
            throw new IllegalArgumentException("the signature entry lacks key-id or signature");
        }
        return new Signed(keyId, Base64.getDecoder().decode(signature));
    }

    /**
     * Writes a signed copy of an archive: every entry as it was (a previous signature dropped) and the new
     * signature entry last.
     */
    public static void signArchive(Path archive, Path signed, KeyPair keys) throws IOException {
        SortedMap<String, String> digests = new TreeMap<>();
        Path temp = Files.createTempFile(signed.toAbsolutePath().getParent(), "signing-", ".zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(SIGNATURE_ENTRY)) {
                    continue;
                }
                if (digests.containsKey(entry.getName())) {
                    throw new IOException("the archive holds '" + entry.getName() + "' twice");
                }
                MessageDigest digest = sha256();
                out.putNextEntry(new ZipEntry(entry.getName()));
                copy(in, out, digest);
                out.closeEntry();
                digests.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
            }
            out.putNextEntry(new ZipEntry(SIGNATURE_ENTRY));
            out.write(signatureEntry(keyId(keys.getPublic()), sign(manifest(digests), keys.getPrivate())));
            out.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            // A temp file is owner-only; the signed archive keeps the original's permissions.
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(archive));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.move(temp, signed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes a key pair: the private key (PKCS#8, owner-only) and the public key (X.509), both base64. */
    public static void writeKeyPair(KeyPair keys, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        Files.deleteIfExists(privateFile);
        try {
            Files.createFile(privateFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateFile);
        }
        Files.writeString(privateFile, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n");
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n");
    }

    /** Reads a key pair written by {@link #writeKeyPair}. */
    public static KeyPair readKeyPair(Path privateFile, Path publicFile) throws IOException {
        return new KeyPair(publicKey(Files.readString(publicFile)), privateKey(Files.readString(privateFile)));
    }

    /** A public key from base64 X.509 (a PEM's body and armour lines are accepted too). */
    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(base64Body(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** A private key from base64 PKCS#8 (or PEM). */
    public static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(base64Body(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a whole archive against trusted keys (key id → key): the verdict, for the command line. */
    public static String verifyArchive(Path archive, Map<String, PublicKey> trusted) throws IOException {
        SortedMap<String, String> digests = new TreeMap<>();
        Signed signed = null;
        try (InputStream raw = Files.newInputStream(archive); ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(SIGNATURE_ENTRY)) {
                    signed = parseSignatureEntry(in.readAllBytes());
                    continue;
                }
                MessageDigest digest = sha256();
                copy(in, OutputStream.nullOutputStream(), digest);
                digests.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
            }
        }
        if (signed == null) {
            return "unsigned";
        }
        PublicKey key = trusted.get(signed.keyId());
        if (key == null) {
            return "signed by an unknown key " + signed.keyId();
        }
        return verify(manifest(digests), signed.signature(), key) ? "valid signature by " + signed.keyId()
                : "INVALID signature (the archive changed after signing)";
    }

    private static byte[] base64Body(String text) {
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("-----")) {
                body.append(line.strip());
            }
        }
        return Base64.getDecoder().decode(body.toString());
    }

    private static void copy(InputStream in, OutputStream out, MessageDigest digest) {
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
