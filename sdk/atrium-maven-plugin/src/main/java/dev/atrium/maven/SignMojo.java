package dev.atrium.maven;

import dev.atrium.signing.PluginSignatures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Signs the plugin archive in place with an Ed25519 key (made by {@code ./atrium sign keygen}), so platforms that
 * trust the matching public key install it. Without a key it does nothing but say so: the key stays outside the
 * project, passed as {@code -Datrium.sign.key=path/to/name.key} on release builds.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SignMojo extends AbstractMojo {

    /** The private key file (base64 PKCS#8); the public key is read from the same name ending in {@code .pub}. */
    @Parameter(property = "atrium.sign.key")
    private File key;

    /** The public key file; defaults to the private key's name with {@code .pub}. */
    @Parameter(property = "atrium.sign.publicKey")
    private File publicKey;

    @Parameter(property = "atrium.sign.archive",
            defaultValue = "${project.build.directory}/${project.build.finalName}-plugin.zip")
    private File archive;

    @Parameter(property = "atrium.sign.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.packaging}", readonly = true)
    private String packaging;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || "pom".equals(packaging)) {
            return;
        }
        if (key == null) {
            getLog().info("Plugin archive not signed (pass -Datrium.sign.key=<name>.key to sign it); a platform "
                    + "installs an unsigned archive only if its administrator allows unsigned plugins.");
            return;
        }
        if (!archive.isFile()) {
            throw new MojoFailureException("No plugin archive to sign at " + archive);
        }
        File pub = publicKey != null ? publicKey : new File(key.getPath().replaceFirst("\\.key$", "") + ".pub");
        if (!key.isFile() || !pub.isFile()) {
            throw new MojoFailureException("Signing key not found: " + (key.isFile() ? pub : key)
                    + " (make a pair with ./atrium sign keygen <name>)");
        }
        try {
            KeyPair keys = PluginSignatures.readKeyPair(key.toPath(), pub.toPath());
            Path zip = archive.toPath();
            PluginSignatures.signArchive(zip, zip, keys);
            getLog().info("Signed " + archive.getName() + " with key " + PluginSignatures.keyId(keys.getPublic()));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot sign " + archive + ": " + e.getMessage(), e);
        }
    }
}
