package dev.atrium.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;

/**
 * The signing command for plugin authors:
 * <pre>
 *   keygen &lt;name&gt;                           writes name.key (private, owner-only) and name.pub
 *   sign &lt;archive.zip&gt; &lt;name.key&gt; &lt;name.pub&gt;   signs the archive in place
 *   verify &lt;archive.zip&gt; &lt;name.pub&gt;          prints whether that key signed it, exit 1 if not
 * </pre>
 * Give the platform's administrator the {@code .pub} file to trust; keep the {@code .key} secret.
 */
public final class PluginSigner {

    private PluginSigner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("keygen")) {
            KeyPair keys = PluginSignatures.generateKeyPair();
            Path privateFile = Path.of(args[1] + ".key");
            Path publicFile = Path.of(args[1] + ".pub");
            PluginSignatures.writeKeyPair(keys, privateFile, publicFile);
            System.out.println("key " + PluginSignatures.keyId(keys.getPublic()) + ": private " + privateFile
                    + " (keep it secret), public " + publicFile + " (give it to the platform's administrators)");
        } else if (args.length == 4 && args[0].equals("sign")) {
            KeyPair keys = PluginSignatures.readKeyPair(Path.of(args[2]), Path.of(args[3]));
            Path archive = Path.of(args[1]);
            PluginSignatures.signArchive(archive, archive, keys);
            System.out.println("signed " + archive + " with key " + PluginSignatures.keyId(keys.getPublic()));
        } else if (args.length == 3 && args[0].equals("verify")) {
            PublicKey key = PluginSignatures.publicKey(Files.readString(Path.of(args[2])));
            String verdict = PluginSignatures.verifyArchive(Path.of(args[1]), Map.of(PluginSignatures.keyId(key), key));
            System.out.println(args[1] + ": " + verdict);
            if (!verdict.startsWith("valid")) {
                System.exit(1);
            }
        } else {
            System.err.println("usage: keygen <name> | sign <archive.zip> <name.key> <name.pub> | verify <archive.zip> <name.pub>");
            System.exit(2);
        }
    }
}
