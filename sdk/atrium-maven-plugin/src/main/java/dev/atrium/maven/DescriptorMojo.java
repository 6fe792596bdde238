package dev.atrium.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes {@code plugin.properties} from the POM once the classes are compiled (so tests and the archive see the
 * same descriptor), after checking that the extension index lists at least one extension and that the id,
 * version and capabilities are ones the platform accepts. {@code plugin.requires} defaults to the range of the
 * SDK version the plugin compiles against.
 *
 * <p>The parameters carry no {@code plugin.*} user properties: Maven reads {@code ${plugin.*}} in a mojo's
 * parameters as this Maven plugin's own descriptor. atrium-plugin-parent passes the POM's {@code plugin.*}
 * properties in as configuration instead, where the model interpolates them first.
 */
@Mojo(name = "descriptor", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class DescriptorMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The plugin id: lower-case letters, digits and '-'. */
    @Parameter(defaultValue = "${project.artifactId}")
    private String id;

    @Parameter(defaultValue = "${project.version}")
    private String version;

    /** A {@code org.pf4j.Plugin} subclass for start/stop hooks; most plugins need none. */
    @Parameter
    private String pluginClass;

    @Parameter(defaultValue = "${project.organization.name}")
    private String provider;

    @Parameter(defaultValue = "${project.description}")
    private String description;

    /** The SDK range, such as {@code >=0.1.0 & <0.2.0}; by default derived from the SDK dependency. */
    @Parameter
    private String requires;

    @Parameter
    private String license;

    /** What the plugin asks the host for, such as {@code model.chat, ocr, storage:50MB}. */
    @Parameter
    private String capabilities;

    /** Whether the plugin handles sensitive data; every run of it is then audited. */
    @Parameter(defaultValue = "false")
    private boolean sensitive;

    /** Other plugins this one needs, in PF4J's form ({@code other-plugin@>=1.0.0}). */
    @Parameter
    private String dependencies;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Parameter(property = "atrium.descriptor", defaultValue = "${project.build.directory}/atrium-plugin/plugin.properties")
    private File outputFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging())) {
            // A parent or aggregator: nothing to describe, and no archive to assemble either.
            project.getProperties().setProperty("assembly.skipAssembly", "true");
            return;
        }
        List<String> extensions;
        try {
            extensions = BundleScanner.extensions(classesDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + BundleScanner.EXTENSION_INDEX, e);
        }
        if (extensions.isEmpty()) {
            throw new MojoFailureException("No extension in " + BundleScanner.EXTENSION_INDEX + ": the platform would "
                    + "find no skill in this plugin. Annotate each class implementing dev.atrium.sdk.Skill with "
                    + "@org.pf4j.Extension, and keep PF4J's annotation processor on (atrium-plugin-parent does).");
        }
        for (String extension : extensions) {
            File classFile = new File(classesDirectory, extension.replace('.', '/') + ".class");
            if (!classFile.isFile()) {
                throw new MojoFailureException(BundleScanner.EXTENSION_INDEX + " lists " + extension
                        + ", which was not compiled into " + classesDirectory + "; run a clean build");
            }
        }
        PluginDescriptor descriptor;
        try {
            descriptor = PluginDescriptor.of(id, version, pluginClass, provider, description, requires, license,
                    capabilities, sensitive, dependencies, SdkArtifacts.terms(project));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        try {
            descriptor.write(outputFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + outputFile, e);
        }
        getLog().info("Plugin " + id + " " + version + " (" + descriptor.entries().get("plugin.requires") + "): "
                + extensions.size() + " extension(s), descriptor " + outputFile);
    }
}
