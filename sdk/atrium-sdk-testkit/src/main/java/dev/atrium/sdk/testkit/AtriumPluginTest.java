package dev.atrium.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads the plugin being built through PF4J in development mode, as the platform would, before the tests of
 * the class run: its classes from {@code target/classes}, its skills from the extension index, its descriptor
 * from {@code target/atrium-plugin/plugin.properties}. Test methods, {@code @BeforeEach} methods and
 * constructors receive a {@link PluginUnderTest} and its {@link FakeModelGateway} as parameters.
 *
 * <p>Paths are relative to {@link #projectDir()}, by default the working directory (Maven runs tests in
 * the module's folder). The build must have run at least {@code mvn process-classes}.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AtriumPluginExtension.class)
public @interface AtriumPluginTest {

    /**
     * The plugin project's folder; empty means the working directory.
     *
     * @since 0.1
     */
    String projectDir() default "";

    /**
     * The compiled classes, with {@code META-INF/extensions.idx}.
     *
     * @since 0.1
     */
    String classesDir() default PluginLocation.DEFAULT_CLASSES;

    /**
     * The plugin descriptor the Atrium plugin parent writes.
     *
     * @since 0.1
     */
    String descriptor() default PluginLocation.DEFAULT_DESCRIPTOR;

    /**
     * A folder of the plugin's own library jars, loaded by the plugin's class loader when present; without
     * it those libraries come from the test class path.
     *
     * @since 0.1
     */
    String libDir() default PluginLocation.DEFAULT_LIB;
}
