package dev.atrium.sdk.testkit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link AtriumPluginTest}: boots the platform's core (PF4J plugin manager in
 * development mode, skill registry, the harness's run machinery; no web server) once per test class, with the
 * plugin under test loaded from its build folder, and resolves {@link PluginUnderTest} and
 * {@link FakeModelGateway} parameters. A plugin that cannot be loaded fails the class with a message saying
 * what is missing.
 *
 * <p>Usually applied through the annotation; register it in a static field to load a project elsewhere:
 * <pre>{@code
 * @RegisterExtension
 * static final AtriumPluginExtension PLUGIN = AtriumPluginExtension.forProject(Path.of("../my-plugin"));
 * }</pre>
 *
 * @since 0.1
 */
public final class AtriumPluginExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AtriumPluginExtension.class);
    private static final String PLATFORM = "platform";
    private static final String PLUGIN = "plugin-under-test";

    private final PluginLocation location;

    /**
     * Creates the extension for {@link AtriumPluginTest}, which reads its locations from the annotation.
     *
     * @since 0.1
     */
    public AtriumPluginExtension() {
        this.location = null;
    }

    private AtriumPluginExtension(PluginLocation location) {
        this.location = location;
    }

    /**
     * An extension that loads the plugin project in this folder, with Maven's layout under it.
     *
     * @since 0.1
     */
    public static AtriumPluginExtension forProject(Path projectDir) {
        Objects.requireNonNull(projectDir, "projectDir");
        return new AtriumPluginExtension(PluginLocation.of(projectDir, null, null, null));
    }

    /**
     * This extension with the compiled classes in another folder, relative to the project's.
     *
     * @since 0.1
     */
    public AtriumPluginExtension classesDir(String classesDir) {
        PluginLocation base = requireProgrammatic();
        return new AtriumPluginExtension(new PluginLocation(base.projectDir(), Path.of(classesDir),
                base.descriptor(), base.libDir()));
    }

    /**
     * This extension with the descriptor read from another file, relative to the project's folder.
     *
     * @since 0.1
     */
    public AtriumPluginExtension descriptor(String descriptor) {
        PluginLocation base = requireProgrammatic();
        return new AtriumPluginExtension(new PluginLocation(base.projectDir(), base.classesDir(),
                Path.of(descriptor), base.libDir()));
    }

    /**
     * Loads the plugin for the test class, once; a failure fails every test of the class with its message.
     *
     * @since 0.1
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    /**
     * Supports parameters of type {@link PluginUnderTest} and {@link FakeModelGateway}.
     *
     * @since 0.1
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PluginUnderTest.class || type == FakeModelGateway.class;
    }

    /**
     * The test's {@link PluginUnderTest}, or its model gateway; one per test method, shared by its
     * {@code @BeforeEach} methods.
     *
     * @since 0.1
     */
    @Override
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: computeIfAbsent is JUnit 5.13+, plugins may use older
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DevelopmentPlatform platform = platform(context);
        PluginUnderTest plugin = context.getStore(NAMESPACE).getOrComputeIfAbsent(PLUGIN,
                key -> new PluginUnderTest(platform, new FakeModelGateway()), PluginUnderTest.class);
        if (parameter.getParameter().getType() == FakeModelGateway.class) {
            return plugin.models();
        }
        return plugin;
    }

    @SuppressWarnings("deprecation") // as in resolveParameter
    private DevelopmentPlatform platform(ExtensionContext context) {
        ExtensionContext classContext = outermostClassContext(context);
        // Stored on the class so JUnit closes it (unloading the plugin) when the class is done.
        Object stored = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(PLATFORM, key -> {
            try {
                return DevelopmentPlatform.boot(locationFor(classContext));
            } catch (RuntimeException e) {
                return new BootFailure(e);
            }
        });
        if (stored instanceof BootFailure failure) {
            throw new ExtensionConfigurationException("cannot load the plugin under test: "
                    + failure.cause().getMessage(), failure.cause());
        }
        if (!(stored instanceof DevelopmentPlatform platform)) {
            throw new ParameterResolutionException("unexpected value in the store: " + stored);
        }
        return platform;
    }

    /** Remembers a failed boot, so each test reports it instead of trying to load again. */
    private record BootFailure(RuntimeException cause) {
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext current = context;
        // Nested test classes share the outer class's plugin.
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private PluginLocation locationFor(ExtensionContext classContext) {
        if (location != null) {
            return location;
        }
        Optional<AtriumPluginTest> annotation = classContext.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, AtriumPluginTest.class));
        Path workingDir = Path.of("").toAbsolutePath();
        if (annotation.isEmpty()) {
            return PluginLocation.of(workingDir, null, null, null);
        }
        AtriumPluginTest settings = annotation.get();
        Path project = settings.projectDir().isBlank() ? workingDir : workingDir.resolve(settings.projectDir());
        return PluginLocation.of(project, settings.classesDir(), settings.descriptor(), settings.libDir());
    }

    private PluginLocation requireProgrammatic() {
        if (location == null) {
            throw new IllegalStateException("set the folders on the @AtriumPluginTest annotation instead");
        }
        return location;
    }
}
