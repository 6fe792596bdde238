package dev.atrium.platform.plugins;

import dev.atrium.signing.PluginSignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which plugin signers the platform trusts: the public keys in {@code atrium.plugins.trusted-keys} and the
 * {@code *.pub} files in {@code $ATRIUM_HOME/trusted-keys/}, and whether unsigned uploads are let in
 * ({@code atrium.plugins.allow-unsigned}, off unless an administrator turns it on).
 *
 * @param keys trusted keys by key id
 * @param allowUnsigned whether an unsigned upload may be installed
 */
public record PluginTrust(Map<String, PublicKey> keys, boolean allowUnsigned) {

    /** Trust built from configured keys and the trust folder. */
    public static PluginTrust of(List<String> configuredKeys, Path folder, boolean allowUnsigned) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String text : configuredKeys) {
            PublicKey key = PluginSignatures.publicKey(text);
            keys.put(PluginSignatures.keyId(key), key);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pub")).sorted().toList()) {
                    PublicKey key = PluginSignatures.publicKey(Files.readString(file));
                    keys.put(PluginSignatures.keyId(key), key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read trusted keys from " + folder, e);
            }
        }
        return new PluginTrust(Map.copyOf(keys), allowUnsigned);
    }
}
