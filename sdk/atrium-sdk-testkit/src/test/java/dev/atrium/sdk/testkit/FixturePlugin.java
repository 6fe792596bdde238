package dev.atrium.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plugin project's build output into a folder, as {@code mvn process-classes} would: compiled
 * classes copied from the test class path, the extension index and the descriptor. The plugin's class
 * loader then loads its own copy of those classes.
 */
final class FixturePlugin {

    private final Path projectDir;
    private final List<Class<?>> classes = new ArrayList<>();
    private final List<Class<?>> libraryClasses = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, String> descriptor = new LinkedHashMap<>();
    private boolean writeIndex = true;
    private boolean writeDescriptor = true;

    private FixturePlugin(Path projectDir, String id) {
        this.projectDir = projectDir;
        descriptor.put("plugin.id", id);
        descriptor.put("plugin.version", "1.2.3");
        descriptor.put("plugin.class", "");
        descriptor.put("plugin.provider", "Fixtures");
        descriptor.put("plugin.requires", ">=0.1.0 & <1.0.0");
        descriptor.put("plugin.capabilities", "model.chat");
    }

    /** A plugin project under the module's target folder, emptied first. */
    static FixturePlugin in(String name, String id) {
        Path dir = Path.of("target", "fixture-plugins", name).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FixturePlugin(dir, id);
    }

    FixturePlugin extension(Class<?> type) {
        classes.add(type);
        extensions.add(type.getName());
        return this;
    }

    /** An extension whose class ships in a jar in target/lib, as a bundled library's would. */
    FixturePlugin extensionInLibrary(Class<?> type) {
        libraryClasses.add(type);
        extensions.add(type.getName());
        return this;
    }

    FixturePlugin property(String key, String value) {
        descriptor.put(key, value);
        return this;
    }

    FixturePlugin withoutIndex() {
        writeIndex = false;
        return this;
    }

    FixturePlugin withoutDescriptor() {
        writeDescriptor = false;
        return this;
    }

    Path write() {
        try {
            Path classesDir = projectDir.resolve("target/classes");
            Files.createDirectories(classesDir.resolve("META-INF"));
            for (Class<?> type : classes) {
                String resource = type.getName().replace('.', '/') + ".class";
                Path target = classesDir.resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!libraryClasses.isEmpty()) {
                Path lib = projectDir.resolve("target/lib");
                Files.createDirectories(lib);
                try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(lib.resolve("library.jar")))) {
                    for (Class<?> type : libraryClasses) {
                        String resource = type.getName().replace('.', '/') + ".class";
                        jar.putNextEntry(new java.util.jar.JarEntry(resource));
                        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                            in.transferTo(jar);
                        }
                        jar.closeEntry();
                    }
                }
            }
            if (writeIndex) {
                Files.write(classesDir.resolve("META-INF/extensions.idx"), extensions);
            }
            if (writeDescriptor) {
                Path file = projectDir.resolve("target/atrium-plugin/plugin.properties");
                Files.createDirectories(file.getParent());
                List<String> lines = new ArrayList<>();
                descriptor.forEach((key, value) -> lines.add(key + "=" + value));
                Files.write(file, lines);
            }
            return projectDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
