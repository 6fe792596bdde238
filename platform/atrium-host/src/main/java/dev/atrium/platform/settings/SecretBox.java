package dev.atrium.platform.settings;

import dev.atrium.platform.config.AtriumProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts secret settings at rest with AES-256-GCM. The key comes from {@code ATRIUM_SECRET_KEY} (base64 of
 * 32 bytes) or from {@code $ATRIUM_HOME/secret.key}, generated on first start, readable by the owner only.
 * Each value gets a fresh 96-bit nonce; the setting's identity (tenant, plugin, name) is bound in as
 * associated data, so a ciphertext copied to another setting does not decrypt.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SecretBox(AtriumProperties properties) {
        this(loadKey(System.getenv("ATRIUM_SECRET_KEY"), properties.home().resolve("secret.key")));
    }

    SecretBox(SecretKey key) {
        this.key = key;
    }

    /** Seals a value for the setting named by {@code context}. */
    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a setting", e);
        }
    }

    /** Opens a sealed value; fails if it was tampered with, sealed for another setting or with another key. */
    public String open(String sealed, String context) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a secret setting cannot be decrypted (wrong key, or tampered with)", e);
        }
    }

    static SecretKey loadKey(String fromEnvironment, Path file) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return key(Base64.getDecoder().decode(fromEnvironment.strip()), "ATRIUM_SECRET_KEY");
        }
        try {
            if (Files.exists(file)) {
                return key(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            log.info("Generated the key that encrypts secret settings: {} (back it up with the database)", file);
            return key(fresh, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static SecretKey key(byte[] bytes, String source) {
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (base64), it holds " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
