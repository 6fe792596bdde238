package dev.atrium.maven;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when what would go into the archive's {@code lib/} holds classes of a package the host supplies
 * (the SDK, PF4J, Reactor, Reactive Streams, SLF4J): the platform always loads the host's copy, so a bundled one
 * is dead weight at best and the SDK at the wrong scope at worst. Runs before the archive is assembled.
 */
@Mojo(name = "check-bundle", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class CheckBundleMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging())) {
            return;
        }
        SdkTerms sdk = SdkArtifacts.terms(project);
        try {
            Optional<String> own = BundleScanner.hostClassInFolder(classesDirectory.toPath(), sdk);
            if (own.isPresent()) {
                throw new MojoFailureException("The plugin's own classes include " + own.get() + ", in a package the "
                        + "host supplies (" + String.join(" ", sdk.hostPackages()) + "). Move it to the plugin's package.");
            }
            for (Artifact artifact : project.getArtifacts()) {
                if (!artifact.getArtifactHandler().isAddedToClasspath() || !isBundled(artifact)) {
                    continue;
                }
                if (SdkArtifacts.isSdk(artifact)) {
                    throw new MojoFailureException("The Atrium SDK is a " + artifact.getScope() + " dependency, so it "
                            + "would be bundled. The host supplies it: declare it with <scope>provided</scope>.");
                }
                File file = artifact.getFile();
                if (file == null || !file.isFile()) {
                    continue;
                }
                Optional<String> bundled = BundleScanner.hostClassInJar(file.toPath(), sdk);
                if (bundled.isPresent()) {
                    throw new MojoFailureException(artifact.getId() + " (" + String.join(" <- ", artifact.getDependencyTrail())
                            + ") would be bundled with " + bundled.get() + ", which the host supplies. Exclude it "
                            + "(<exclusions>) from the dependency that brings it, or mark it <scope>provided</scope>.");
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot inspect the plugin's classes and dependencies", e);
        }
    }

    /** The archive's lib/ takes the runtime classpath: compile and runtime scopes. */
    private static boolean isBundled(Artifact artifact) {
        return Artifact.SCOPE_COMPILE.equals(artifact.getScope()) || Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
    }
}
