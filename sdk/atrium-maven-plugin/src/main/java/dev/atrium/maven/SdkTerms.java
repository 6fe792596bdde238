package dev.atrium.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The contract terms ({@code dev/atrium/sdk/sdk.properties}) of the SDK a plugin compiles against, read from that
 * SDK's jar (or its classes folder inside a reactor build), so the checks follow the SDK version in the POM and
 * not the version of this Maven plugin.
 */
record SdkTerms(String version, List<String> hostPackages, Set<String> capabilities) {

    static final String RESOURCE = "dev/atrium/sdk/sdk.properties";

    static SdkTerms read(File sdkArtifact) throws IOException {
        Properties properties = new Properties();
        if (sdkArtifact.isDirectory()) {
            try (InputStream in = Files.newInputStream(sdkArtifact.toPath().resolve(RESOURCE))) {
                properties.load(in);
            }
        } else {
            try (ZipFile jar = new ZipFile(sdkArtifact)) {
                ZipEntry entry = jar.getEntry(RESOURCE);
                if (entry == null) {
                    throw new IOException(sdkArtifact + " holds no " + RESOURCE + "; is it the Atrium SDK?");
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    properties.load(in);
                }
            }
        }
        return of(properties);
    }

    static SdkTerms of(Properties properties) {
        return new SdkTerms(properties.getProperty("sdk.version", ""),
                list(properties.getProperty("host.packages", "")),
                Set.copyOf(list(properties.getProperty("capabilities", ""))));
    }

    /** Whether a class or resource path inside a jar lies in a package the host supplies. */
    boolean isHostPackage(String entryName) {
        String dotted = entryName.replace('/', '.');
        return hostPackages.stream().anyMatch(dotted::startsWith);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }
}
