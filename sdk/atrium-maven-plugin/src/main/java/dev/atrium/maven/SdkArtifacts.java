package dev.atrium.maven;

import java.io.IOException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** Finds the Atrium SDK among a project's resolved dependencies. */
final class SdkArtifacts {

    static final String GROUP_ID = "dev.atrium";
    static final String ARTIFACT_ID = "atrium-sdk";

    private SdkArtifacts() {
    }

    static boolean isSdk(Artifact artifact) {
        return GROUP_ID.equals(artifact.getGroupId()) && ARTIFACT_ID.equals(artifact.getArtifactId());
    }

    static Artifact sdk(MavenProject project) throws MojoExecutionException {
        return project.getArtifacts().stream().filter(SdkArtifacts::isSdk).findFirst()
                .orElseThrow(() -> new MojoExecutionException("The project does not depend on " + GROUP_ID + ":"
                        + ARTIFACT_ID + ". An Atrium plugin compiles against the SDK at provided scope; inherit "
                        + "dev.atrium:atrium-plugin-parent, or add the dependency."));
    }

    static SdkTerms terms(MavenProject project) throws MojoExecutionException {
        Artifact sdk = sdk(project);
        if (sdk.getFile() == null) {
            throw new MojoExecutionException("The Atrium SDK " + sdk + " is not resolved to a file");
        }
        try {
            return SdkTerms.read(sdk.getFile());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the SDK's contract terms from " + sdk.getFile() + ": "
                    + e.getMessage(), e);
        }
    }
}
