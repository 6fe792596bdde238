package dev.atrium.sdk.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a plugin project's build output is: the compiled classes with PF4J's extension index, the descriptor
 * the plugin parent writes, and an optional folder of the plugin's own library jars.
 */
record PluginLocation(Path projectDir, Path classesDir, Path descriptor, Path libDir) {

    static final String DEFAULT_CLASSES = "target/classes";
    static final String DEFAULT_DESCRIPTOR = "target/atrium-plugin/plugin.properties";
    static final String DEFAULT_LIB = "target/lib";
    static final String EXTENSION_INDEX = "META-INF/extensions.idx";

    PluginLocation {
        projectDir = projectDir.toAbsolutePath().normalize();
        classesDir = projectDir.resolve(classesDir).normalize();
        descriptor = projectDir.resolve(descriptor).normalize();
        libDir = projectDir.resolve(libDir).normalize();
    }

    /** Maven's layout under the project folder; relative folders resolve against it. */
    static PluginLocation of(Path projectDir, String classesDir, String descriptor, String libDir) {
        Objects.requireNonNull(projectDir, "projectDir");
        return new PluginLocation(projectDir, Path.of(orDefault(classesDir, DEFAULT_CLASSES)),
                Path.of(orDefault(descriptor, DEFAULT_DESCRIPTOR)), Path.of(orDefault(libDir, DEFAULT_LIB)));
    }

    Path extensionIndex() {
        return classesDir.resolve(EXTENSION_INDEX);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
