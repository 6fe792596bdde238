package dev.atrium.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What would go into a plugin archive, looked at before it is written: the extension index the host finds skills
 * through, and classes under packages the host supplies (which the host would never load, and which often mean the
 * SDK or a logging API slipped in at the wrong scope).
 */
final class BundleScanner {

    static final String EXTENSION_INDEX = "META-INF/extensions.idx";

    private BundleScanner() {
    }

    /** The classes listed in the compiled extension index; empty when the index is missing or lists none. */
    static List<String> extensions(Path classesDirectory) throws IOException {
        Path index = classesDirectory.resolve(EXTENSION_INDEX);
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                classes.add(name);
            }
        }
        return classes;
    }

    /** The first class file under a host-supplied package in a classes folder, if any. */
    static Optional<String> hostClassInFolder(Path classesDirectory, SdkTerms sdk) throws IOException {
        if (!Files.isDirectory(classesDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> classesDirectory.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".class") && sdk.isHostPackage(name))
                    .sorted().findFirst();
        }
    }

    /** The first class file under a host-supplied package in a dependency jar, if any. */
    static Optional<String> hostClassIn(ZipFile jar, SdkTerms sdk) {
        Enumeration<? extends ZipEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            // Multi-release jars keep versioned copies under META-INF/versions/<n>/.
            String path = name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/\\d+/", "") : name;
            if (path.endsWith(".class") && sdk.isHostPackage(path)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static Optional<String> hostClassInJar(Path jar, SdkTerms sdk) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return hostClassIn(zip, sdk);
        }
    }
}
